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

            /** Ack received. */
            received: isthmus.v1.Cursor.$Properties[];

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

                /** Ack received */
                received?: (isthmus.v1.Cursor.$Properties[]|null);

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

            /** Frame streamOpen. */
            streamOpen?: (isthmus.v1.StreamOpen.$Properties|null);

            /** Frame streamOk. */
            streamOk?: (isthmus.v1.StreamOk.$Properties|null);

            /** Frame streamFail. */
            streamFail?: (isthmus.v1.StreamFail.$Properties|null);

            /** Frame streamData. */
            streamData?: (isthmus.v1.StreamData.$Properties|null);

            /** Frame streamWindow. */
            streamWindow?: (isthmus.v1.StreamWindow.$Properties|null);

            /** Frame streamFin. */
            streamFin?: (isthmus.v1.StreamFin.$Properties|null);

            /** Frame streamReset. */
            streamReset?: (isthmus.v1.StreamReset.$Properties|null);

            /** Frame streamExit. */
            streamExit?: (isthmus.v1.StreamExit.$Properties|null);

            /** Frame streamResize. */
            streamResize?: (isthmus.v1.StreamResize.$Properties|null);

            /** Frame body. */
            body?: ("hello"|"welcome"|"batch"|"ack"|"ping"|"pong"|"goAway"|"renewToken"|"tokenRenewed"|"streamOpen"|"streamOk"|"streamFail"|"streamData"|"streamWindow"|"streamFin"|"streamReset"|"streamExit"|"streamResize");

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

                /** Frame streamOpen */
                streamOpen?: (isthmus.v1.StreamOpen.$Properties|null);

                /** Frame streamOk */
                streamOk?: (isthmus.v1.StreamOk.$Properties|null);

                /** Frame streamFail */
                streamFail?: (isthmus.v1.StreamFail.$Properties|null);

                /** Frame streamData */
                streamData?: (isthmus.v1.StreamData.$Properties|null);

                /** Frame streamWindow */
                streamWindow?: (isthmus.v1.StreamWindow.$Properties|null);

                /** Frame streamFin */
                streamFin?: (isthmus.v1.StreamFin.$Properties|null);

                /** Frame streamReset */
                streamReset?: (isthmus.v1.StreamReset.$Properties|null);

                /** Frame streamExit */
                streamExit?: (isthmus.v1.StreamExit.$Properties|null);

                /** Frame streamResize */
                streamResize?: (isthmus.v1.StreamResize.$Properties|null);

                /** Frame body */
                body?: ("hello"|"welcome"|"batch"|"ack"|"ping"|"pong"|"goAway"|"renewToken"|"tokenRenewed"|"streamOpen"|"streamOk"|"streamFail"|"streamData"|"streamWindow"|"streamFin"|"streamReset"|"streamExit"|"streamResize");

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
              streamOpen?: isthmus.v1.StreamOpen.$Shape|null;
              streamOk?: isthmus.v1.StreamOk.$Shape|null;
              streamFail?: isthmus.v1.StreamFail.$Shape|null;
              streamData?: isthmus.v1.StreamData.$Shape|null;
              streamWindow?: isthmus.v1.StreamWindow.$Shape|null;
              streamFin?: isthmus.v1.StreamFin.$Shape|null;
              streamReset?: isthmus.v1.StreamReset.$Shape|null;
              streamExit?: isthmus.v1.StreamExit.$Shape|null;
              streamResize?: isthmus.v1.StreamResize.$Shape|null;
              $unknowns?: Uint8Array[];
            } & (
              ({ body?: undefined; hello?: null; welcome?: null; batch?: null; ack?: null; ping?: null; pong?: null; goAway?: null; renewToken?: null; tokenRenewed?: null; streamOpen?: null; streamOk?: null; streamFail?: null; streamData?: null; streamWindow?: null; streamFin?: null; streamReset?: null; streamExit?: null; streamResize?: null }|{ body?: "hello"; hello: isthmus.v1.Hello.$Shape; welcome?: null; batch?: null; ack?: null; ping?: null; pong?: null; goAway?: null; renewToken?: null; tokenRenewed?: null; streamOpen?: null; streamOk?: null; streamFail?: null; streamData?: null; streamWindow?: null; streamFin?: null; streamReset?: null; streamExit?: null; streamResize?: null }|{ body?: "welcome"; hello?: null; welcome: isthmus.v1.Welcome.$Shape; batch?: null; ack?: null; ping?: null; pong?: null; goAway?: null; renewToken?: null; tokenRenewed?: null; streamOpen?: null; streamOk?: null; streamFail?: null; streamData?: null; streamWindow?: null; streamFin?: null; streamReset?: null; streamExit?: null; streamResize?: null }|{ body?: "batch"; hello?: null; welcome?: null; batch: isthmus.v1.Batch.$Shape; ack?: null; ping?: null; pong?: null; goAway?: null; renewToken?: null; tokenRenewed?: null; streamOpen?: null; streamOk?: null; streamFail?: null; streamData?: null; streamWindow?: null; streamFin?: null; streamReset?: null; streamExit?: null; streamResize?: null }|{ body?: "ack"; hello?: null; welcome?: null; batch?: null; ack: isthmus.v1.Ack.$Shape; ping?: null; pong?: null; goAway?: null; renewToken?: null; tokenRenewed?: null; streamOpen?: null; streamOk?: null; streamFail?: null; streamData?: null; streamWindow?: null; streamFin?: null; streamReset?: null; streamExit?: null; streamResize?: null }|{ body?: "ping"; hello?: null; welcome?: null; batch?: null; ack?: null; ping: isthmus.v1.Ping.$Shape; pong?: null; goAway?: null; renewToken?: null; tokenRenewed?: null; streamOpen?: null; streamOk?: null; streamFail?: null; streamData?: null; streamWindow?: null; streamFin?: null; streamReset?: null; streamExit?: null; streamResize?: null }|{ body?: "pong"; hello?: null; welcome?: null; batch?: null; ack?: null; ping?: null; pong: isthmus.v1.Pong.$Shape; goAway?: null; renewToken?: null; tokenRenewed?: null; streamOpen?: null; streamOk?: null; streamFail?: null; streamData?: null; streamWindow?: null; streamFin?: null; streamReset?: null; streamExit?: null; streamResize?: null }|{ body?: "goAway"; hello?: null; welcome?: null; batch?: null; ack?: null; ping?: null; pong?: null; goAway: isthmus.v1.GoAway.$Shape; renewToken?: null; tokenRenewed?: null; streamOpen?: null; streamOk?: null; streamFail?: null; streamData?: null; streamWindow?: null; streamFin?: null; streamReset?: null; streamExit?: null; streamResize?: null }|{ body?: "renewToken"; hello?: null; welcome?: null; batch?: null; ack?: null; ping?: null; pong?: null; goAway?: null; renewToken: isthmus.v1.RenewToken.$Shape; tokenRenewed?: null; streamOpen?: null; streamOk?: null; streamFail?: null; streamData?: null; streamWindow?: null; streamFin?: null; streamReset?: null; streamExit?: null; streamResize?: null }|{ body?: "tokenRenewed"; hello?: null; welcome?: null; batch?: null; ack?: null; ping?: null; pong?: null; goAway?: null; renewToken?: null; tokenRenewed: isthmus.v1.TokenRenewed.$Shape; streamOpen?: null; streamOk?: null; streamFail?: null; streamData?: null; streamWindow?: null; streamFin?: null; streamReset?: null; streamExit?: null; streamResize?: null }|{ body?: "streamOpen"; hello?: null; welcome?: null; batch?: null; ack?: null; ping?: null; pong?: null; goAway?: null; renewToken?: null; tokenRenewed?: null; streamOpen: isthmus.v1.StreamOpen.$Shape; streamOk?: null; streamFail?: null; streamData?: null; streamWindow?: null; streamFin?: null; streamReset?: null; streamExit?: null; streamResize?: null }|{ body?: "streamOk"; hello?: null; welcome?: null; batch?: null; ack?: null; ping?: null; pong?: null; goAway?: null; renewToken?: null; tokenRenewed?: null; streamOpen?: null; streamOk: isthmus.v1.StreamOk.$Shape; streamFail?: null; streamData?: null; streamWindow?: null; streamFin?: null; streamReset?: null; streamExit?: null; streamResize?: null }|{ body?: "streamFail"; hello?: null; welcome?: null; batch?: null; ack?: null; ping?: null; pong?: null; goAway?: null; renewToken?: null; tokenRenewed?: null; streamOpen?: null; streamOk?: null; streamFail: isthmus.v1.StreamFail.$Shape; streamData?: null; streamWindow?: null; streamFin?: null; streamReset?: null; streamExit?: null; streamResize?: null }|{ body?: "streamData"; hello?: null; welcome?: null; batch?: null; ack?: null; ping?: null; pong?: null; goAway?: null; renewToken?: null; tokenRenewed?: null; streamOpen?: null; streamOk?: null; streamFail?: null; streamData: isthmus.v1.StreamData.$Shape; streamWindow?: null; streamFin?: null; streamReset?: null; streamExit?: null; streamResize?: null }|{ body?: "streamWindow"; hello?: null; welcome?: null; batch?: null; ack?: null; ping?: null; pong?: null; goAway?: null; renewToken?: null; tokenRenewed?: null; streamOpen?: null; streamOk?: null; streamFail?: null; streamData?: null; streamWindow: isthmus.v1.StreamWindow.$Shape; streamFin?: null; streamReset?: null; streamExit?: null; streamResize?: null }|{ body?: "streamFin"; hello?: null; welcome?: null; batch?: null; ack?: null; ping?: null; pong?: null; goAway?: null; renewToken?: null; tokenRenewed?: null; streamOpen?: null; streamOk?: null; streamFail?: null; streamData?: null; streamWindow?: null; streamFin: isthmus.v1.StreamFin.$Shape; streamReset?: null; streamExit?: null; streamResize?: null }|{ body?: "streamReset"; hello?: null; welcome?: null; batch?: null; ack?: null; ping?: null; pong?: null; goAway?: null; renewToken?: null; tokenRenewed?: null; streamOpen?: null; streamOk?: null; streamFail?: null; streamData?: null; streamWindow?: null; streamFin?: null; streamReset: isthmus.v1.StreamReset.$Shape; streamExit?: null; streamResize?: null }|{ body?: "streamExit"; hello?: null; welcome?: null; batch?: null; ack?: null; ping?: null; pong?: null; goAway?: null; renewToken?: null; tokenRenewed?: null; streamOpen?: null; streamOk?: null; streamFail?: null; streamData?: null; streamWindow?: null; streamFin?: null; streamReset?: null; streamExit: isthmus.v1.StreamExit.$Shape; streamResize?: null }|{ body?: "streamResize"; hello?: null; welcome?: null; batch?: null; ack?: null; ping?: null; pong?: null; goAway?: null; renewToken?: null; tokenRenewed?: null; streamOpen?: null; streamOk?: null; streamFail?: null; streamData?: null; streamWindow?: null; streamFin?: null; streamReset?: null; streamExit?: null; streamResize: isthmus.v1.StreamResize.$Shape })
            );
        }

        /**
         * Properties of a StreamOpen.
         * @deprecated Use isthmus.v1.StreamOpen.$Properties instead.
         */
        interface IStreamOpen extends isthmus.v1.StreamOpen.$Properties {
        }

        /** Represents a StreamOpen. */
        class StreamOpen {

            /**
             * Constructs a new StreamOpen.
             * @param [properties] Properties to set
             */
            constructor(properties?: isthmus.v1.StreamOpen.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** StreamOpen id. */
            id: number;

            /** StreamOpen kind. */
            kind: string;

            /** StreamOpen params. */
            params: Uint8Array;

            /**
             * Creates a new StreamOpen instance using the specified properties.
             * @param [properties] Properties to set
             * @returns StreamOpen instance
             */
            static create(properties: isthmus.v1.StreamOpen.$Shape): isthmus.v1.StreamOpen & isthmus.v1.StreamOpen.$Shape;
            static create(properties?: isthmus.v1.StreamOpen.$Properties): isthmus.v1.StreamOpen;

            /**
             * Encodes the specified StreamOpen message. Does not implicitly {@link isthmus.v1.StreamOpen.verify|verify} messages.
             * @param message StreamOpen message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: isthmus.v1.StreamOpen.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a StreamOpen message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {isthmus.v1.StreamOpen & isthmus.v1.StreamOpen.$Shape} StreamOpen
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): isthmus.v1.StreamOpen & isthmus.v1.StreamOpen.$Shape;
        }

        namespace StreamOpen {

            /** Properties of a StreamOpen. */
            interface $Properties {

                /** StreamOpen id */
                id?: (number|null);

                /** StreamOpen kind */
                kind?: (string|null);

                /** StreamOpen params */
                params?: (Uint8Array|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a StreamOpen. */
            type $Shape = isthmus.v1.StreamOpen.$Properties;
        }

        /**
         * Properties of a StreamOk.
         * @deprecated Use isthmus.v1.StreamOk.$Properties instead.
         */
        interface IStreamOk extends isthmus.v1.StreamOk.$Properties {
        }

        /** Represents a StreamOk. */
        class StreamOk {

            /**
             * Constructs a new StreamOk.
             * @param [properties] Properties to set
             */
            constructor(properties?: isthmus.v1.StreamOk.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** StreamOk id. */
            id: number;

            /**
             * Creates a new StreamOk instance using the specified properties.
             * @param [properties] Properties to set
             * @returns StreamOk instance
             */
            static create(properties: isthmus.v1.StreamOk.$Shape): isthmus.v1.StreamOk & isthmus.v1.StreamOk.$Shape;
            static create(properties?: isthmus.v1.StreamOk.$Properties): isthmus.v1.StreamOk;

            /**
             * Encodes the specified StreamOk message. Does not implicitly {@link isthmus.v1.StreamOk.verify|verify} messages.
             * @param message StreamOk message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: isthmus.v1.StreamOk.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a StreamOk message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {isthmus.v1.StreamOk & isthmus.v1.StreamOk.$Shape} StreamOk
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): isthmus.v1.StreamOk & isthmus.v1.StreamOk.$Shape;
        }

        namespace StreamOk {

            /** Properties of a StreamOk. */
            interface $Properties {

                /** StreamOk id */
                id?: (number|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a StreamOk. */
            type $Shape = isthmus.v1.StreamOk.$Properties;
        }

        /**
         * Properties of a StreamFail.
         * @deprecated Use isthmus.v1.StreamFail.$Properties instead.
         */
        interface IStreamFail extends isthmus.v1.StreamFail.$Properties {
        }

        /** Represents a StreamFail. */
        class StreamFail {

            /**
             * Constructs a new StreamFail.
             * @param [properties] Properties to set
             */
            constructor(properties?: isthmus.v1.StreamFail.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** StreamFail id. */
            id: number;

            /** StreamFail code. */
            code: number;

            /** StreamFail message. */
            message: string;

            /**
             * Creates a new StreamFail instance using the specified properties.
             * @param [properties] Properties to set
             * @returns StreamFail instance
             */
            static create(properties: isthmus.v1.StreamFail.$Shape): isthmus.v1.StreamFail & isthmus.v1.StreamFail.$Shape;
            static create(properties?: isthmus.v1.StreamFail.$Properties): isthmus.v1.StreamFail;

            /**
             * Encodes the specified StreamFail message. Does not implicitly {@link isthmus.v1.StreamFail.verify|verify} messages.
             * @param message StreamFail message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: isthmus.v1.StreamFail.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a StreamFail message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {isthmus.v1.StreamFail & isthmus.v1.StreamFail.$Shape} StreamFail
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): isthmus.v1.StreamFail & isthmus.v1.StreamFail.$Shape;
        }

        namespace StreamFail {

            /** Properties of a StreamFail. */
            interface $Properties {

                /** StreamFail id */
                id?: (number|null);

                /** StreamFail code */
                code?: (number|null);

                /** StreamFail message */
                message?: (string|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a StreamFail. */
            type $Shape = isthmus.v1.StreamFail.$Properties;
        }

        /**
         * Properties of a StreamData.
         * @deprecated Use isthmus.v1.StreamData.$Properties instead.
         */
        interface IStreamData extends isthmus.v1.StreamData.$Properties {
        }

        /** Represents a StreamData. */
        class StreamData {

            /**
             * Constructs a new StreamData.
             * @param [properties] Properties to set
             */
            constructor(properties?: isthmus.v1.StreamData.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** StreamData id. */
            id: number;

            /** StreamData channel. */
            channel: number;

            /** StreamData data. */
            data: Uint8Array;

            /**
             * Creates a new StreamData instance using the specified properties.
             * @param [properties] Properties to set
             * @returns StreamData instance
             */
            static create(properties: isthmus.v1.StreamData.$Shape): isthmus.v1.StreamData & isthmus.v1.StreamData.$Shape;
            static create(properties?: isthmus.v1.StreamData.$Properties): isthmus.v1.StreamData;

            /**
             * Encodes the specified StreamData message. Does not implicitly {@link isthmus.v1.StreamData.verify|verify} messages.
             * @param message StreamData message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: isthmus.v1.StreamData.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a StreamData message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {isthmus.v1.StreamData & isthmus.v1.StreamData.$Shape} StreamData
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): isthmus.v1.StreamData & isthmus.v1.StreamData.$Shape;
        }

        namespace StreamData {

            /** Properties of a StreamData. */
            interface $Properties {

                /** StreamData id */
                id?: (number|null);

                /** StreamData channel */
                channel?: (number|null);

                /** StreamData data */
                data?: (Uint8Array|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a StreamData. */
            type $Shape = isthmus.v1.StreamData.$Properties;
        }

        /**
         * Properties of a StreamWindow.
         * @deprecated Use isthmus.v1.StreamWindow.$Properties instead.
         */
        interface IStreamWindow extends isthmus.v1.StreamWindow.$Properties {
        }

        /** Represents a StreamWindow. */
        class StreamWindow {

            /**
             * Constructs a new StreamWindow.
             * @param [properties] Properties to set
             */
            constructor(properties?: isthmus.v1.StreamWindow.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** StreamWindow id. */
            id: number;

            /** StreamWindow increment. */
            increment: number;

            /**
             * Creates a new StreamWindow instance using the specified properties.
             * @param [properties] Properties to set
             * @returns StreamWindow instance
             */
            static create(properties: isthmus.v1.StreamWindow.$Shape): isthmus.v1.StreamWindow & isthmus.v1.StreamWindow.$Shape;
            static create(properties?: isthmus.v1.StreamWindow.$Properties): isthmus.v1.StreamWindow;

            /**
             * Encodes the specified StreamWindow message. Does not implicitly {@link isthmus.v1.StreamWindow.verify|verify} messages.
             * @param message StreamWindow message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: isthmus.v1.StreamWindow.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a StreamWindow message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {isthmus.v1.StreamWindow & isthmus.v1.StreamWindow.$Shape} StreamWindow
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): isthmus.v1.StreamWindow & isthmus.v1.StreamWindow.$Shape;
        }

        namespace StreamWindow {

            /** Properties of a StreamWindow. */
            interface $Properties {

                /** StreamWindow id */
                id?: (number|null);

                /** StreamWindow increment */
                increment?: (number|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a StreamWindow. */
            type $Shape = isthmus.v1.StreamWindow.$Properties;
        }

        /**
         * Properties of a StreamFin.
         * @deprecated Use isthmus.v1.StreamFin.$Properties instead.
         */
        interface IStreamFin extends isthmus.v1.StreamFin.$Properties {
        }

        /** Represents a StreamFin. */
        class StreamFin {

            /**
             * Constructs a new StreamFin.
             * @param [properties] Properties to set
             */
            constructor(properties?: isthmus.v1.StreamFin.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** StreamFin id. */
            id: number;

            /**
             * Creates a new StreamFin instance using the specified properties.
             * @param [properties] Properties to set
             * @returns StreamFin instance
             */
            static create(properties: isthmus.v1.StreamFin.$Shape): isthmus.v1.StreamFin & isthmus.v1.StreamFin.$Shape;
            static create(properties?: isthmus.v1.StreamFin.$Properties): isthmus.v1.StreamFin;

            /**
             * Encodes the specified StreamFin message. Does not implicitly {@link isthmus.v1.StreamFin.verify|verify} messages.
             * @param message StreamFin message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: isthmus.v1.StreamFin.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a StreamFin message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {isthmus.v1.StreamFin & isthmus.v1.StreamFin.$Shape} StreamFin
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): isthmus.v1.StreamFin & isthmus.v1.StreamFin.$Shape;
        }

        namespace StreamFin {

            /** Properties of a StreamFin. */
            interface $Properties {

                /** StreamFin id */
                id?: (number|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a StreamFin. */
            type $Shape = isthmus.v1.StreamFin.$Properties;
        }

        /**
         * Properties of a StreamReset.
         * @deprecated Use isthmus.v1.StreamReset.$Properties instead.
         */
        interface IStreamReset extends isthmus.v1.StreamReset.$Properties {
        }

        /** Represents a StreamReset. */
        class StreamReset {

            /**
             * Constructs a new StreamReset.
             * @param [properties] Properties to set
             */
            constructor(properties?: isthmus.v1.StreamReset.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** StreamReset id. */
            id: number;

            /** StreamReset code. */
            code: number;

            /** StreamReset message. */
            message: string;

            /**
             * Creates a new StreamReset instance using the specified properties.
             * @param [properties] Properties to set
             * @returns StreamReset instance
             */
            static create(properties: isthmus.v1.StreamReset.$Shape): isthmus.v1.StreamReset & isthmus.v1.StreamReset.$Shape;
            static create(properties?: isthmus.v1.StreamReset.$Properties): isthmus.v1.StreamReset;

            /**
             * Encodes the specified StreamReset message. Does not implicitly {@link isthmus.v1.StreamReset.verify|verify} messages.
             * @param message StreamReset message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: isthmus.v1.StreamReset.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a StreamReset message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {isthmus.v1.StreamReset & isthmus.v1.StreamReset.$Shape} StreamReset
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): isthmus.v1.StreamReset & isthmus.v1.StreamReset.$Shape;
        }

        namespace StreamReset {

            /** Properties of a StreamReset. */
            interface $Properties {

                /** StreamReset id */
                id?: (number|null);

                /** StreamReset code */
                code?: (number|null);

                /** StreamReset message */
                message?: (string|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a StreamReset. */
            type $Shape = isthmus.v1.StreamReset.$Properties;
        }

        /**
         * Properties of a StreamExit.
         * @deprecated Use isthmus.v1.StreamExit.$Properties instead.
         */
        interface IStreamExit extends isthmus.v1.StreamExit.$Properties {
        }

        /** Represents a StreamExit. */
        class StreamExit {

            /**
             * Constructs a new StreamExit.
             * @param [properties] Properties to set
             */
            constructor(properties?: isthmus.v1.StreamExit.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** StreamExit id. */
            id: number;

            /** StreamExit exitCode. */
            exitCode: number;

            /** StreamExit signal. */
            signal: string;

            /** StreamExit message. */
            message: string;

            /**
             * Creates a new StreamExit instance using the specified properties.
             * @param [properties] Properties to set
             * @returns StreamExit instance
             */
            static create(properties: isthmus.v1.StreamExit.$Shape): isthmus.v1.StreamExit & isthmus.v1.StreamExit.$Shape;
            static create(properties?: isthmus.v1.StreamExit.$Properties): isthmus.v1.StreamExit;

            /**
             * Encodes the specified StreamExit message. Does not implicitly {@link isthmus.v1.StreamExit.verify|verify} messages.
             * @param message StreamExit message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: isthmus.v1.StreamExit.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a StreamExit message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {isthmus.v1.StreamExit & isthmus.v1.StreamExit.$Shape} StreamExit
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): isthmus.v1.StreamExit & isthmus.v1.StreamExit.$Shape;
        }

        namespace StreamExit {

            /** Properties of a StreamExit. */
            interface $Properties {

                /** StreamExit id */
                id?: (number|null);

                /** StreamExit exitCode */
                exitCode?: (number|null);

                /** StreamExit signal */
                signal?: (string|null);

                /** StreamExit message */
                message?: (string|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a StreamExit. */
            type $Shape = isthmus.v1.StreamExit.$Properties;
        }

        /**
         * Properties of a StreamResize.
         * @deprecated Use isthmus.v1.StreamResize.$Properties instead.
         */
        interface IStreamResize extends isthmus.v1.StreamResize.$Properties {
        }

        /** Represents a StreamResize. */
        class StreamResize {

            /**
             * Constructs a new StreamResize.
             * @param [properties] Properties to set
             */
            constructor(properties?: isthmus.v1.StreamResize.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** StreamResize id. */
            id: number;

            /** StreamResize cols. */
            cols: number;

            /** StreamResize rows. */
            rows: number;

            /**
             * Creates a new StreamResize instance using the specified properties.
             * @param [properties] Properties to set
             * @returns StreamResize instance
             */
            static create(properties: isthmus.v1.StreamResize.$Shape): isthmus.v1.StreamResize & isthmus.v1.StreamResize.$Shape;
            static create(properties?: isthmus.v1.StreamResize.$Properties): isthmus.v1.StreamResize;

            /**
             * Encodes the specified StreamResize message. Does not implicitly {@link isthmus.v1.StreamResize.verify|verify} messages.
             * @param message StreamResize message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: isthmus.v1.StreamResize.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a StreamResize message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {isthmus.v1.StreamResize & isthmus.v1.StreamResize.$Shape} StreamResize
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): isthmus.v1.StreamResize & isthmus.v1.StreamResize.$Shape;
        }

        namespace StreamResize {

            /** Properties of a StreamResize. */
            interface $Properties {

                /** StreamResize id */
                id?: (number|null);

                /** StreamResize cols */
                cols?: (number|null);

                /** StreamResize rows */
                rows?: (number|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a StreamResize. */
            type $Shape = isthmus.v1.StreamResize.$Properties;
        }
    }
}
