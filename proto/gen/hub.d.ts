import * as $protobuf from "protobufjs/minimal.js";
import Long = require("long");

/** Namespace isthmus. */
export namespace isthmus {

    /** Namespace v1. */
    namespace v1 {

        /** Lane enum. */
        enum Lane {

            /** CONTROL value */
            CONTROL = 0,

            /** STATE value */
            STATE = 1,

            /** EVENTS value */
            EVENTS = 2,

            /** BULK value */
            BULK = 3
        }

        /** MessageType enum. */
        enum MessageType {

            /** PLAIN value */
            PLAIN = 0,

            /** RESOURCE value */
            RESOURCE = 1,

            /** STATUS value */
            STATUS = 2
        }

        /** Operation enum. */
        enum Operation {

            /** OP_NONE value */
            OP_NONE = 0,

            /** INSERT value */
            INSERT = 1,

            /** UPDATE value */
            UPDATE = 2,

            /** PATCH value */
            PATCH = 3,

            /** DELETE value */
            DELETE = 4
        }

        /**
         * Properties of a Message.
         * @deprecated Use isthmus.v1.Message.$Properties instead.
         */
        interface IMessage extends isthmus.v1.Message.$Properties {
        }

        /** Represents a Message. */
        class Message {

            /**
             * Constructs a new Message.
             * @param [properties] Properties to set
             */
            constructor(properties?: isthmus.v1.Message.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** Message id. */
            id: string;

            /** Message lane. */
            lane: isthmus.v1.Lane;

            /** Message seq. */
            seq: number;

            /** Message key. */
            key: string;

            /** Message kind. */
            kind: string;

            /** Message op. */
            op: isthmus.v1.Operation;

            /** Message type. */
            type: isthmus.v1.MessageType;

            /** Message namespace. */
            namespace: string;

            /** Message name. */
            name: string;

            /** Message resourceVersion. */
            resourceVersion: number;

            /** Message createdAt. */
            createdAt: number;

            /** Message expiresAt. */
            expiresAt: number;

            /** Message traceId. */
            traceId: string;

            /** Message contentType. */
            contentType: string;

            /** Message payload. */
            payload: Uint8Array;

            /**
             * Creates a new Message instance using the specified properties.
             * @param [properties] Properties to set
             * @returns Message instance
             */
            static create(properties: isthmus.v1.Message.$Shape): isthmus.v1.Message & isthmus.v1.Message.$Shape;
            static create(properties?: isthmus.v1.Message.$Properties): isthmus.v1.Message;

            /**
             * Encodes the specified Message message. Does not implicitly {@link isthmus.v1.Message.verify|verify} messages.
             * @param message Message message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: isthmus.v1.Message.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a Message message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {isthmus.v1.Message & isthmus.v1.Message.$Shape} Message
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): isthmus.v1.Message & isthmus.v1.Message.$Shape;
        }

        namespace Message {

            /** Properties of a Message. */
            interface $Properties {

                /** Message id */
                id?: (string|null);

                /** Message lane */
                lane?: (isthmus.v1.Lane|null);

                /** Message seq */
                seq?: (number|null);

                /** Message key */
                key?: (string|null);

                /** Message kind */
                kind?: (string|null);

                /** Message op */
                op?: (isthmus.v1.Operation|null);

                /** Message type */
                type?: (isthmus.v1.MessageType|null);

                /** Message namespace */
                namespace?: (string|null);

                /** Message name */
                name?: (string|null);

                /** Message resourceVersion */
                resourceVersion?: (number|null);

                /** Message createdAt */
                createdAt?: (number|null);

                /** Message expiresAt */
                expiresAt?: (number|null);

                /** Message traceId */
                traceId?: (string|null);

                /** Message contentType */
                contentType?: (string|null);

                /** Message payload */
                payload?: (Uint8Array|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a Message. */
            type $Shape = isthmus.v1.Message.$Properties;
        }

        /**
         * Properties of a Cursor.
         * @deprecated Use isthmus.v1.Cursor.$Properties instead.
         */
        interface ICursor extends isthmus.v1.Cursor.$Properties {
        }

        /** Represents a Cursor. */
        class Cursor {

            /**
             * Constructs a new Cursor.
             * @param [properties] Properties to set
             */
            constructor(properties?: isthmus.v1.Cursor.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** Cursor epoch. */
            epoch: string;

            /** Cursor lane. */
            lane: isthmus.v1.Lane;

            /** Cursor seq. */
            seq: number;

            /**
             * Creates a new Cursor instance using the specified properties.
             * @param [properties] Properties to set
             * @returns Cursor instance
             */
            static create(properties: isthmus.v1.Cursor.$Shape): isthmus.v1.Cursor & isthmus.v1.Cursor.$Shape;
            static create(properties?: isthmus.v1.Cursor.$Properties): isthmus.v1.Cursor;

            /**
             * Encodes the specified Cursor message. Does not implicitly {@link isthmus.v1.Cursor.verify|verify} messages.
             * @param message Cursor message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: isthmus.v1.Cursor.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a Cursor message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {isthmus.v1.Cursor & isthmus.v1.Cursor.$Shape} Cursor
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): isthmus.v1.Cursor & isthmus.v1.Cursor.$Shape;
        }

        namespace Cursor {

            /** Properties of a Cursor. */
            interface $Properties {

                /** Cursor epoch */
                epoch?: (string|null);

                /** Cursor lane */
                lane?: (isthmus.v1.Lane|null);

                /** Cursor seq */
                seq?: (number|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a Cursor. */
            type $Shape = isthmus.v1.Cursor.$Properties;
        }

        /**
         * Properties of a Hello.
         * @deprecated Use isthmus.v1.Hello.$Properties instead.
         */
        interface IHello extends isthmus.v1.Hello.$Properties {
        }

        /** Represents a Hello. */
        class Hello {

            /**
             * Constructs a new Hello.
             * @param [properties] Properties to set
             */
            constructor(properties?: isthmus.v1.Hello.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** Hello version. */
            version: number;

            /** Hello node. */
            node: string;

            /** Hello epoch. */
            epoch: string;

            /** Hello received. */
            received: isthmus.v1.Cursor.$Properties[];

            /** Hello maxFrameBytes. */
            maxFrameBytes: number;

            /** Hello path. */
            path: number;

            /** Hello instance. */
            instance: string;

            /**
             * Creates a new Hello instance using the specified properties.
             * @param [properties] Properties to set
             * @returns Hello instance
             */
            static create(properties: isthmus.v1.Hello.$Shape): isthmus.v1.Hello & isthmus.v1.Hello.$Shape;
            static create(properties?: isthmus.v1.Hello.$Properties): isthmus.v1.Hello;

            /**
             * Encodes the specified Hello message. Does not implicitly {@link isthmus.v1.Hello.verify|verify} messages.
             * @param message Hello message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: isthmus.v1.Hello.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a Hello message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {isthmus.v1.Hello & isthmus.v1.Hello.$Shape} Hello
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): isthmus.v1.Hello & isthmus.v1.Hello.$Shape;
        }

        namespace Hello {

            /** Properties of a Hello. */
            interface $Properties {

                /** Hello version */
                version?: (number|null);

                /** Hello node */
                node?: (string|null);

                /** Hello epoch */
                epoch?: (string|null);

                /** Hello received */
                received?: (isthmus.v1.Cursor.$Properties[]|null);

                /** Hello maxFrameBytes */
                maxFrameBytes?: (number|null);

                /** Hello path */
                path?: (number|null);

                /** Hello instance */
                instance?: (string|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a Hello. */
            type $Shape = isthmus.v1.Hello.$Properties;
        }

        /**
         * Properties of a Welcome.
         * @deprecated Use isthmus.v1.Welcome.$Properties instead.
         */
        interface IWelcome extends isthmus.v1.Welcome.$Properties {
        }

        /** Represents a Welcome. */
        class Welcome {

            /**
             * Constructs a new Welcome.
             * @param [properties] Properties to set
             */
            constructor(properties?: isthmus.v1.Welcome.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** Welcome version. */
            version: number;

            /** Welcome session. */
            session: string;

            /** Welcome epoch. */
            epoch: string;

            /** Welcome received. */
            received: isthmus.v1.Cursor.$Properties[];

            /** Welcome maxFrameBytes. */
            maxFrameBytes: number;

            /** Welcome pingIntervalMs. */
            pingIntervalMs: number;

            /** Welcome maxPaths. */
            maxPaths: number;

            /**
             * Creates a new Welcome instance using the specified properties.
             * @param [properties] Properties to set
             * @returns Welcome instance
             */
            static create(properties: isthmus.v1.Welcome.$Shape): isthmus.v1.Welcome & isthmus.v1.Welcome.$Shape;
            static create(properties?: isthmus.v1.Welcome.$Properties): isthmus.v1.Welcome;

            /**
             * Encodes the specified Welcome message. Does not implicitly {@link isthmus.v1.Welcome.verify|verify} messages.
             * @param message Welcome message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: isthmus.v1.Welcome.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a Welcome message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {isthmus.v1.Welcome & isthmus.v1.Welcome.$Shape} Welcome
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): isthmus.v1.Welcome & isthmus.v1.Welcome.$Shape;
        }

        namespace Welcome {

            /** Properties of a Welcome. */
            interface $Properties {

                /** Welcome version */
                version?: (number|null);

                /** Welcome session */
                session?: (string|null);

                /** Welcome epoch */
                epoch?: (string|null);

                /** Welcome received */
                received?: (isthmus.v1.Cursor.$Properties[]|null);

                /** Welcome maxFrameBytes */
                maxFrameBytes?: (number|null);

                /** Welcome pingIntervalMs */
                pingIntervalMs?: (number|null);

                /** Welcome maxPaths */
                maxPaths?: (number|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a Welcome. */
            type $Shape = isthmus.v1.Welcome.$Properties;
        }

        /**
         * Properties of a Batch.
         * @deprecated Use isthmus.v1.Batch.$Properties instead.
         */
        interface IBatch extends isthmus.v1.Batch.$Properties {
        }

        /** Represents a Batch. */
        class Batch {

            /**
             * Constructs a new Batch.
             * @param [properties] Properties to set
             */
            constructor(properties?: isthmus.v1.Batch.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** Batch messages. */
            messages: isthmus.v1.Message.$Properties[];

            /** Batch acks. */
            acks: isthmus.v1.Cursor.$Properties[];

            /**
             * Creates a new Batch instance using the specified properties.
             * @param [properties] Properties to set
             * @returns Batch instance
             */
            static create(properties: isthmus.v1.Batch.$Shape): isthmus.v1.Batch & isthmus.v1.Batch.$Shape;
            static create(properties?: isthmus.v1.Batch.$Properties): isthmus.v1.Batch;

            /**
             * Encodes the specified Batch message. Does not implicitly {@link isthmus.v1.Batch.verify|verify} messages.
             * @param message Batch message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: isthmus.v1.Batch.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a Batch message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {isthmus.v1.Batch & isthmus.v1.Batch.$Shape} Batch
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): isthmus.v1.Batch & isthmus.v1.Batch.$Shape;
        }

        namespace Batch {

            /** Properties of a Batch. */
            interface $Properties {

                /** Batch messages */
                messages?: (isthmus.v1.Message.$Properties[]|null);

                /** Batch acks */
                acks?: (isthmus.v1.Cursor.$Properties[]|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a Batch. */
            type $Shape = isthmus.v1.Batch.$Properties;
        }

        /**
         * Properties of an Ack.
         * @deprecated Use isthmus.v1.Ack.$Properties instead.
         */
        interface IAck extends isthmus.v1.Ack.$Properties {
        }

        /** Represents an Ack. */
        class Ack {

            /**
             * Constructs a new Ack.
             * @param [properties] Properties to set
             */
            constructor(properties?: isthmus.v1.Ack.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** Ack cursors. */
            cursors: isthmus.v1.Cursor.$Properties[];

            /**
             * Creates a new Ack instance using the specified properties.
             * @param [properties] Properties to set
             * @returns Ack instance
             */
            static create(properties: isthmus.v1.Ack.$Shape): isthmus.v1.Ack & isthmus.v1.Ack.$Shape;
            static create(properties?: isthmus.v1.Ack.$Properties): isthmus.v1.Ack;

            /**
             * Encodes the specified Ack message. Does not implicitly {@link isthmus.v1.Ack.verify|verify} messages.
             * @param message Ack message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: isthmus.v1.Ack.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes an Ack message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {isthmus.v1.Ack & isthmus.v1.Ack.$Shape} Ack
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): isthmus.v1.Ack & isthmus.v1.Ack.$Shape;
        }

        namespace Ack {

            /** Properties of an Ack. */
            interface $Properties {

                /** Ack cursors */
                cursors?: (isthmus.v1.Cursor.$Properties[]|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of an Ack. */
            type $Shape = isthmus.v1.Ack.$Properties;
        }

        /**
         * Properties of a Ping.
         * @deprecated Use isthmus.v1.Ping.$Properties instead.
         */
        interface IPing extends isthmus.v1.Ping.$Properties {
        }

        /** Represents a Ping. */
        class Ping {

            /**
             * Constructs a new Ping.
             * @param [properties] Properties to set
             */
            constructor(properties?: isthmus.v1.Ping.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** Ping nonce. */
            nonce: number;

            /** Ping sentAt. */
            sentAt: number;

            /**
             * Creates a new Ping instance using the specified properties.
             * @param [properties] Properties to set
             * @returns Ping instance
             */
            static create(properties: isthmus.v1.Ping.$Shape): isthmus.v1.Ping & isthmus.v1.Ping.$Shape;
            static create(properties?: isthmus.v1.Ping.$Properties): isthmus.v1.Ping;

            /**
             * Encodes the specified Ping message. Does not implicitly {@link isthmus.v1.Ping.verify|verify} messages.
             * @param message Ping message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: isthmus.v1.Ping.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a Ping message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {isthmus.v1.Ping & isthmus.v1.Ping.$Shape} Ping
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): isthmus.v1.Ping & isthmus.v1.Ping.$Shape;
        }

        namespace Ping {

            /** Properties of a Ping. */
            interface $Properties {

                /** Ping nonce */
                nonce?: (number|null);

                /** Ping sentAt */
                sentAt?: (number|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a Ping. */
            type $Shape = isthmus.v1.Ping.$Properties;
        }

        /**
         * Properties of a Pong.
         * @deprecated Use isthmus.v1.Pong.$Properties instead.
         */
        interface IPong extends isthmus.v1.Pong.$Properties {
        }

        /** Represents a Pong. */
        class Pong {

            /**
             * Constructs a new Pong.
             * @param [properties] Properties to set
             */
            constructor(properties?: isthmus.v1.Pong.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** Pong nonce. */
            nonce: number;

            /** Pong sentAt. */
            sentAt: number;

            /**
             * Creates a new Pong instance using the specified properties.
             * @param [properties] Properties to set
             * @returns Pong instance
             */
            static create(properties: isthmus.v1.Pong.$Shape): isthmus.v1.Pong & isthmus.v1.Pong.$Shape;
            static create(properties?: isthmus.v1.Pong.$Properties): isthmus.v1.Pong;

            /**
             * Encodes the specified Pong message. Does not implicitly {@link isthmus.v1.Pong.verify|verify} messages.
             * @param message Pong message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: isthmus.v1.Pong.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a Pong message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {isthmus.v1.Pong & isthmus.v1.Pong.$Shape} Pong
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): isthmus.v1.Pong & isthmus.v1.Pong.$Shape;
        }

        namespace Pong {

            /** Properties of a Pong. */
            interface $Properties {

                /** Pong nonce */
                nonce?: (number|null);

                /** Pong sentAt */
                sentAt?: (number|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a Pong. */
            type $Shape = isthmus.v1.Pong.$Properties;
        }

        /**
         * Properties of a GoAway.
         * @deprecated Use isthmus.v1.GoAway.$Properties instead.
         */
        interface IGoAway extends isthmus.v1.GoAway.$Properties {
        }

        /** Represents a GoAway. */
        class GoAway {

            /**
             * Constructs a new GoAway.
             * @param [properties] Properties to set
             */
            constructor(properties?: isthmus.v1.GoAway.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** GoAway code. */
            code: number;

            /** GoAway reason. */
            reason: string;

            /** GoAway retryAfterMs. */
            retryAfterMs: number;

            /** GoAway redirect. */
            redirect: string;

            /**
             * Creates a new GoAway instance using the specified properties.
             * @param [properties] Properties to set
             * @returns GoAway instance
             */
            static create(properties: isthmus.v1.GoAway.$Shape): isthmus.v1.GoAway & isthmus.v1.GoAway.$Shape;
            static create(properties?: isthmus.v1.GoAway.$Properties): isthmus.v1.GoAway;

            /**
             * Encodes the specified GoAway message. Does not implicitly {@link isthmus.v1.GoAway.verify|verify} messages.
             * @param message GoAway message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: isthmus.v1.GoAway.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a GoAway message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {isthmus.v1.GoAway & isthmus.v1.GoAway.$Shape} GoAway
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): isthmus.v1.GoAway & isthmus.v1.GoAway.$Shape;
        }

        namespace GoAway {

            /** Properties of a GoAway. */
            interface $Properties {

                /** GoAway code */
                code?: (number|null);

                /** GoAway reason */
                reason?: (string|null);

                /** GoAway retryAfterMs */
                retryAfterMs?: (number|null);

                /** GoAway redirect */
                redirect?: (string|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a GoAway. */
            type $Shape = isthmus.v1.GoAway.$Properties;
        }

        /**
         * Properties of a RenewToken.
         * @deprecated Use isthmus.v1.RenewToken.$Properties instead.
         */
        interface IRenewToken extends isthmus.v1.RenewToken.$Properties {
        }

        /** Represents a RenewToken. */
        class RenewToken {

            /**
             * Constructs a new RenewToken.
             * @param [properties] Properties to set
             */
            constructor(properties?: isthmus.v1.RenewToken.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** RenewToken token. */
            token: string;

            /**
             * Creates a new RenewToken instance using the specified properties.
             * @param [properties] Properties to set
             * @returns RenewToken instance
             */
            static create(properties: isthmus.v1.RenewToken.$Shape): isthmus.v1.RenewToken & isthmus.v1.RenewToken.$Shape;
            static create(properties?: isthmus.v1.RenewToken.$Properties): isthmus.v1.RenewToken;

            /**
             * Encodes the specified RenewToken message. Does not implicitly {@link isthmus.v1.RenewToken.verify|verify} messages.
             * @param message RenewToken message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: isthmus.v1.RenewToken.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a RenewToken message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {isthmus.v1.RenewToken & isthmus.v1.RenewToken.$Shape} RenewToken
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): isthmus.v1.RenewToken & isthmus.v1.RenewToken.$Shape;
        }

        namespace RenewToken {

            /** Properties of a RenewToken. */
            interface $Properties {

                /** RenewToken token */
                token?: (string|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a RenewToken. */
            type $Shape = isthmus.v1.RenewToken.$Properties;
        }

        /**
         * Properties of a TokenRenewed.
         * @deprecated Use isthmus.v1.TokenRenewed.$Properties instead.
         */
        interface ITokenRenewed extends isthmus.v1.TokenRenewed.$Properties {
        }

        /** Represents a TokenRenewed. */
        class TokenRenewed {

            /**
             * Constructs a new TokenRenewed.
             * @param [properties] Properties to set
             */
            constructor(properties?: isthmus.v1.TokenRenewed.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** TokenRenewed expiresAtMs. */
            expiresAtMs: number;

            /** TokenRenewed error. */
            error: string;

            /**
             * Creates a new TokenRenewed instance using the specified properties.
             * @param [properties] Properties to set
             * @returns TokenRenewed instance
             */
            static create(properties: isthmus.v1.TokenRenewed.$Shape): isthmus.v1.TokenRenewed & isthmus.v1.TokenRenewed.$Shape;
            static create(properties?: isthmus.v1.TokenRenewed.$Properties): isthmus.v1.TokenRenewed;

            /**
             * Encodes the specified TokenRenewed message. Does not implicitly {@link isthmus.v1.TokenRenewed.verify|verify} messages.
             * @param message TokenRenewed message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: isthmus.v1.TokenRenewed.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a TokenRenewed message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {isthmus.v1.TokenRenewed & isthmus.v1.TokenRenewed.$Shape} TokenRenewed
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): isthmus.v1.TokenRenewed & isthmus.v1.TokenRenewed.$Shape;
        }

        namespace TokenRenewed {

            /** Properties of a TokenRenewed. */
            interface $Properties {

                /** TokenRenewed expiresAtMs */
                expiresAtMs?: (number|null);

                /** TokenRenewed error */
                error?: (string|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a TokenRenewed. */
            type $Shape = isthmus.v1.TokenRenewed.$Properties;
        }

        /**
         * Properties of a Frame.
         * @deprecated Use isthmus.v1.Frame.$Properties instead.
         */
        interface IFrame extends isthmus.v1.Frame.$Properties {
        }

        /** Represents a Frame. */
        class Frame {

            /**
             * Constructs a new Frame.
             * @param [properties] Properties to set
             */
            constructor(properties?: isthmus.v1.Frame.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** Frame hello. */
            hello?: (isthmus.v1.Hello.$Properties|null);

            /** Frame welcome. */
            welcome?: (isthmus.v1.Welcome.$Properties|null);

            /** Frame batch. */
            batch?: (isthmus.v1.Batch.$Properties|null);

            /** Frame ack. */
            ack?: (isthmus.v1.Ack.$Properties|null);

            /** Frame ping. */
            ping?: (isthmus.v1.Ping.$Properties|null);

            /** Frame pong. */
            pong?: (isthmus.v1.Pong.$Properties|null);

            /** Frame goAway. */
            goAway?: (isthmus.v1.GoAway.$Properties|null);

            /** Frame renewToken. */
            renewToken?: (isthmus.v1.RenewToken.$Properties|null);

            /** Frame tokenRenewed. */
            tokenRenewed?: (isthmus.v1.TokenRenewed.$Properties|null);

            /** Frame body. */
            body?: ("hello"|"welcome"|"batch"|"ack"|"ping"|"pong"|"goAway"|"renewToken"|"tokenRenewed");

            /**
             * Creates a new Frame instance using the specified properties.
             * @param [properties] Properties to set
             * @returns Frame instance
             */
            static create(properties: isthmus.v1.Frame.$Shape): isthmus.v1.Frame & isthmus.v1.Frame.$Shape;
            static create(properties?: isthmus.v1.Frame.$Properties): isthmus.v1.Frame;

            /**
             * Encodes the specified Frame message. Does not implicitly {@link isthmus.v1.Frame.verify|verify} messages.
             * @param message Frame message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: isthmus.v1.Frame.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a Frame message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {isthmus.v1.Frame & isthmus.v1.Frame.$Shape} Frame
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): isthmus.v1.Frame & isthmus.v1.Frame.$Shape;
        }

        namespace Frame {

            /** Properties of a Frame. */
            interface $Properties {

                /** Frame hello */
                hello?: (isthmus.v1.Hello.$Properties|null);

                /** Frame welcome */
                welcome?: (isthmus.v1.Welcome.$Properties|null);

                /** Frame batch */
                batch?: (isthmus.v1.Batch.$Properties|null);

                /** Frame ack */
                ack?: (isthmus.v1.Ack.$Properties|null);

                /** Frame ping */
                ping?: (isthmus.v1.Ping.$Properties|null);

                /** Frame pong */
                pong?: (isthmus.v1.Pong.$Properties|null);

                /** Frame goAway */
                goAway?: (isthmus.v1.GoAway.$Properties|null);

                /** Frame renewToken */
                renewToken?: (isthmus.v1.RenewToken.$Properties|null);

                /** Frame tokenRenewed */
                tokenRenewed?: (isthmus.v1.TokenRenewed.$Properties|null);

                /** Frame body */
                body?: ("hello"|"welcome"|"batch"|"ack"|"ping"|"pong"|"goAway"|"renewToken"|"tokenRenewed");

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Narrowed shape of a Frame. */
            type $Shape = {
              hello?: isthmus.v1.Hello.$Shape|null;
              welcome?: isthmus.v1.Welcome.$Shape|null;
              batch?: isthmus.v1.Batch.$Shape|null;
              ack?: isthmus.v1.Ack.$Shape|null;
              ping?: isthmus.v1.Ping.$Shape|null;
              pong?: isthmus.v1.Pong.$Shape|null;
              goAway?: isthmus.v1.GoAway.$Shape|null;
              renewToken?: isthmus.v1.RenewToken.$Shape|null;
              tokenRenewed?: isthmus.v1.TokenRenewed.$Shape|null;
              $unknowns?: Uint8Array[];
            } & (
              ({ body?: undefined; hello?: null; welcome?: null; batch?: null; ack?: null; ping?: null; pong?: null; goAway?: null; renewToken?: null; tokenRenewed?: null }|{ body?: "hello"; hello: isthmus.v1.Hello.$Shape; welcome?: null; batch?: null; ack?: null; ping?: null; pong?: null; goAway?: null; renewToken?: null; tokenRenewed?: null }|{ body?: "welcome"; hello?: null; welcome: isthmus.v1.Welcome.$Shape; batch?: null; ack?: null; ping?: null; pong?: null; goAway?: null; renewToken?: null; tokenRenewed?: null }|{ body?: "batch"; hello?: null; welcome?: null; batch: isthmus.v1.Batch.$Shape; ack?: null; ping?: null; pong?: null; goAway?: null; renewToken?: null; tokenRenewed?: null }|{ body?: "ack"; hello?: null; welcome?: null; batch?: null; ack: isthmus.v1.Ack.$Shape; ping?: null; pong?: null; goAway?: null; renewToken?: null; tokenRenewed?: null }|{ body?: "ping"; hello?: null; welcome?: null; batch?: null; ack?: null; ping: isthmus.v1.Ping.$Shape; pong?: null; goAway?: null; renewToken?: null; tokenRenewed?: null }|{ body?: "pong"; hello?: null; welcome?: null; batch?: null; ack?: null; ping?: null; pong: isthmus.v1.Pong.$Shape; goAway?: null; renewToken?: null; tokenRenewed?: null }|{ body?: "goAway"; hello?: null; welcome?: null; batch?: null; ack?: null; ping?: null; pong?: null; goAway: isthmus.v1.GoAway.$Shape; renewToken?: null; tokenRenewed?: null }|{ body?: "renewToken"; hello?: null; welcome?: null; batch?: null; ack?: null; ping?: null; pong?: null; goAway?: null; renewToken: isthmus.v1.RenewToken.$Shape; tokenRenewed?: null }|{ body?: "tokenRenewed"; hello?: null; welcome?: null; batch?: null; ack?: null; ping?: null; pong?: null; goAway?: null; renewToken?: null; tokenRenewed: isthmus.v1.TokenRenewed.$Shape })
            );
        }
    }
}
