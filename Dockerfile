# Isthmus cloud hub (and edge hub) image: multi-stage, slim Node 20, non-root.
#   docker build -t isthmus:0.1.0 .
#   docker run --rm -p 10000:10000 -v isthmus-data:/data isthmus:0.1.0 cloudhub --data /data --admin 0.0.0.0:10001
# The build stage compiles TypeScript and installs production dependencies
# (lmdb, msgpackr-extract and bufferutil ship prebuilt binaries for glibc x64/arm64);
# the runtime stage holds only dist/, node_modules and the schema.

FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json tsconfig.json ./
COPY scripts ./scripts
COPY index.ts ./
COPY proto ./proto
COPY link ./link
COPY cloudhub ./cloudhub
COPY edgehub ./edgehub
COPY tunnel ./tunnel
COPY mqtt ./mqtt
COPY cli ./cli
COPY bench ./bench
# npm ci runs "prepare" (tsc, post-build, the CLI bundle with esbuild); then drop dev dependencies.
RUN npm ci --no-audit --no-fund \
 && npm prune --omit=dev --no-audit --no-fund \
 && npm cache clean --force

FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production
WORKDIR /app
COPY --from=build --chown=root:root /app/package.json ./package.json
COPY --from=build --chown=root:root /app/node_modules ./node_modules
COPY --from=build --chown=root:root /app/dist ./dist
COPY --from=build --chown=root:root /app/proto/hub.proto /app/proto/SPEC.md ./proto/
# The data folder (secret, admin token, TLS files, LMDB store) is the only writable path.
RUN mkdir -p /data && chown 1000:1000 /data && chmod 0700 /data
VOLUME ["/data"]
# "node" (uid 1000) comes with the base image; numeric so that runAsNonRoot can check it.
USER 1000:1000
EXPOSE 10000 10001
ENTRYPOINT ["node", "/app/dist/bin/isthmus.js"]
CMD ["cloudhub", "--data", "/data", "--admin", "0.0.0.0:10001"]
