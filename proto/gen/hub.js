/*eslint-disable block-scoped-var, id-length, no-control-regex, no-magic-numbers, no-mixed-operators, no-prototype-builtins, no-redeclare, no-shadow, no-var, sort-vars, default-case, jsdoc/require-param*/
import $protobuf from "protobufjs/minimal.js";

// Common aliases
const $Reader = $protobuf.Reader, $Writer = $protobuf.Writer, $util = $protobuf.util;
const $Object = $util.global.Object, $undefined = $util.global.undefined, $Error = $util.global.Error, $RangeError = $util.global.RangeError;

// Exported root namespace
const $root = $protobuf.roots["default"] || ($protobuf.roots["default"] = {});

export const isthmus = $root.isthmus = (() => {

    /**
     * Namespace isthmus.
     * @exports isthmus
     * @namespace
     */
    const isthmus = {};

    isthmus.v1 = (function() {

        /**
         * Namespace v1.
         * @memberof isthmus
         * @namespace
         */
        const v1 = {};

        /**
         * Lane enum.
         * @name isthmus.v1.Lane
         * @enum {number}
         * @property {number} CONTROL=0 CONTROL value
         * @property {number} STATE=1 STATE value
         * @property {number} EVENTS=2 EVENTS value
         * @property {number} BULK=3 BULK value
         */
        v1.Lane = (function() {
            const valuesById = $Object.create(null), values = $Object.create(valuesById);
            values[valuesById[0] = "CONTROL"] = 0;
            values[valuesById[1] = "STATE"] = 1;
            values[valuesById[2] = "EVENTS"] = 2;
            values[valuesById[3] = "BULK"] = 3;
            return values;
        })();

        /**
         * MessageType enum.
         * @name isthmus.v1.MessageType
         * @enum {number}
         * @property {number} PLAIN=0 PLAIN value
         * @property {number} RESOURCE=1 RESOURCE value
         * @property {number} STATUS=2 STATUS value
         */
        v1.MessageType = (function() {
            const valuesById = $Object.create(null), values = $Object.create(valuesById);
            values[valuesById[0] = "PLAIN"] = 0;
            values[valuesById[1] = "RESOURCE"] = 1;
            values[valuesById[2] = "STATUS"] = 2;
            return values;
        })();

        /**
         * Operation enum.
         * @name isthmus.v1.Operation
         * @enum {number}
         * @property {number} OP_NONE=0 OP_NONE value
         * @property {number} INSERT=1 INSERT value
         * @property {number} UPDATE=2 UPDATE value
         * @property {number} PATCH=3 PATCH value
         * @property {number} DELETE=4 DELETE value
         */
        v1.Operation = (function() {
            const valuesById = $Object.create(null), values = $Object.create(valuesById);
            values[valuesById[0] = "OP_NONE"] = 0;
            values[valuesById[1] = "INSERT"] = 1;
            values[valuesById[2] = "UPDATE"] = 2;
            values[valuesById[3] = "PATCH"] = 3;
            values[valuesById[4] = "DELETE"] = 4;
            return values;
        })();

        v1.Message = (function() {

            /**
             * Properties of a Message.
             * @typedef {Object} isthmus.v1.Message.$Properties
             * @property {string|null} [id] Message id
             * @property {isthmus.v1.Lane|null} [lane] Message lane
             * @property {number|null} [seq] Message seq
             * @property {string|null} [key] Message key
             * @property {string|null} [kind] Message kind
             * @property {isthmus.v1.Operation|null} [op] Message op
             * @property {isthmus.v1.MessageType|null} [type] Message type
             * @property {string|null} [namespace] Message namespace
             * @property {string|null} [name] Message name
             * @property {number|null} [resourceVersion] Message resourceVersion
             * @property {number|null} [createdAt] Message createdAt
             * @property {number|null} [expiresAt] Message expiresAt
             * @property {string|null} [traceId] Message traceId
             * @property {string|null} [contentType] Message contentType
             * @property {Uint8Array|null} [payload] Message payload
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a Message.
             * @memberof isthmus.v1
             * @interface IMessage
             * @augments isthmus.v1.Message.$Properties
             * @deprecated Use isthmus.v1.Message.$Properties instead.
             */

            /**
             * Shape of a Message.
             * @typedef {isthmus.v1.Message.$Properties} isthmus.v1.Message.$Shape
             */

            /**
             * Constructs a new Message.
             * @memberof isthmus.v1
             * @classdesc Represents a Message.
             * @constructor
             * @param {isthmus.v1.Message.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const Message = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * Message id.
             * @member {string} id
             * @memberof isthmus.v1.Message
             * @instance
             */
            Message.prototype.id = "";

            /**
             * Message lane.
             * @member {isthmus.v1.Lane} lane
             * @memberof isthmus.v1.Message
             * @instance
             */
            Message.prototype.lane = 0;

            /**
             * Message seq.
             * @member {number} seq
             * @memberof isthmus.v1.Message
             * @instance
             */
            Message.prototype.seq = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * Message key.
             * @member {string} key
             * @memberof isthmus.v1.Message
             * @instance
             */
            Message.prototype.key = "";

            /**
             * Message kind.
             * @member {string} kind
             * @memberof isthmus.v1.Message
             * @instance
             */
            Message.prototype.kind = "";

            /**
             * Message op.
             * @member {isthmus.v1.Operation} op
             * @memberof isthmus.v1.Message
             * @instance
             */
            Message.prototype.op = 0;

            /**
             * Message type.
             * @member {isthmus.v1.MessageType} type
             * @memberof isthmus.v1.Message
             * @instance
             */
            Message.prototype.type = 0;

            /**
             * Message namespace.
             * @member {string} namespace
             * @memberof isthmus.v1.Message
             * @instance
             */
            Message.prototype.namespace = "";

            /**
             * Message name.
             * @member {string} name
             * @memberof isthmus.v1.Message
             * @instance
             */
            Message.prototype.name = "";

            /**
             * Message resourceVersion.
             * @member {number} resourceVersion
             * @memberof isthmus.v1.Message
             * @instance
             */
            Message.prototype.resourceVersion = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * Message createdAt.
             * @member {number} createdAt
             * @memberof isthmus.v1.Message
             * @instance
             */
            Message.prototype.createdAt = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * Message expiresAt.
             * @member {number} expiresAt
             * @memberof isthmus.v1.Message
             * @instance
             */
            Message.prototype.expiresAt = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * Message traceId.
             * @member {string} traceId
             * @memberof isthmus.v1.Message
             * @instance
             */
            Message.prototype.traceId = "";

            /**
             * Message contentType.
             * @member {string} contentType
             * @memberof isthmus.v1.Message
             * @instance
             */
            Message.prototype.contentType = "";

            /**
             * Message payload.
             * @member {Uint8Array} payload
             * @memberof isthmus.v1.Message
             * @instance
             */
            Message.prototype.payload = $util.newBuffer([]);

            /**
             * Creates a new Message instance using the specified properties.
             * @function create
             * @memberof isthmus.v1.Message
             * @static
             * @param {isthmus.v1.Message.$Properties=} [properties] Properties to set
             * @returns {isthmus.v1.Message} Message instance
             * @type {{
             *   (properties: isthmus.v1.Message.$Shape): isthmus.v1.Message & isthmus.v1.Message.$Shape;
             *   (properties?: isthmus.v1.Message.$Properties): isthmus.v1.Message;
             * }}
             */
            Message.create = function(properties) {
                return new Message(properties);
            };

            /**
             * Encodes the specified Message message. Does not implicitly {@link isthmus.v1.Message.verify|verify} messages.
             * @function encode
             * @memberof isthmus.v1.Message
             * @static
             * @param {isthmus.v1.Message.$Properties} message Message message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Message.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.id != null && $Object.hasOwnProperty.call(message, "id") && message.id !== "")
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.id);
                if (message.lane != null && $Object.hasOwnProperty.call(message, "lane") && message.lane !== 0)
                    writer.uint32(/* id 2, wireType 0 =*/16).int32(message.lane);
                if (message.seq != null && $Object.hasOwnProperty.call(message, "seq") && (typeof message.seq === "object" ? message.seq.low || message.seq.high : message.seq !== 0))
                    writer.uint32(/* id 3, wireType 0 =*/24).uint64(message.seq);
                if (message.key != null && $Object.hasOwnProperty.call(message, "key") && message.key !== "")
                    writer.uint32(/* id 4, wireType 2 =*/34).string(message.key);
                if (message.kind != null && $Object.hasOwnProperty.call(message, "kind") && message.kind !== "")
                    writer.uint32(/* id 5, wireType 2 =*/42).string(message.kind);
                if (message.op != null && $Object.hasOwnProperty.call(message, "op") && message.op !== 0)
                    writer.uint32(/* id 6, wireType 0 =*/48).int32(message.op);
                if (message.type != null && $Object.hasOwnProperty.call(message, "type") && message.type !== 0)
                    writer.uint32(/* id 7, wireType 0 =*/56).int32(message.type);
                if (message.namespace != null && $Object.hasOwnProperty.call(message, "namespace") && message.namespace !== "")
                    writer.uint32(/* id 8, wireType 2 =*/66).string(message.namespace);
                if (message.name != null && $Object.hasOwnProperty.call(message, "name") && message.name !== "")
                    writer.uint32(/* id 9, wireType 2 =*/74).string(message.name);
                if (message.resourceVersion != null && $Object.hasOwnProperty.call(message, "resourceVersion") && (typeof message.resourceVersion === "object" ? message.resourceVersion.low || message.resourceVersion.high : message.resourceVersion !== 0))
                    writer.uint32(/* id 10, wireType 0 =*/80).uint64(message.resourceVersion);
                if (message.createdAt != null && $Object.hasOwnProperty.call(message, "createdAt") && (typeof message.createdAt === "object" ? message.createdAt.low || message.createdAt.high : message.createdAt !== 0))
                    writer.uint32(/* id 11, wireType 0 =*/88).uint64(message.createdAt);
                if (message.expiresAt != null && $Object.hasOwnProperty.call(message, "expiresAt") && (typeof message.expiresAt === "object" ? message.expiresAt.low || message.expiresAt.high : message.expiresAt !== 0))
                    writer.uint32(/* id 12, wireType 0 =*/96).uint64(message.expiresAt);
                if (message.traceId != null && $Object.hasOwnProperty.call(message, "traceId") && message.traceId !== "")
                    writer.uint32(/* id 13, wireType 2 =*/106).string(message.traceId);
                if (message.contentType != null && $Object.hasOwnProperty.call(message, "contentType") && message.contentType !== "")
                    writer.uint32(/* id 14, wireType 2 =*/114).string(message.contentType);
                if (message.payload != null && $Object.hasOwnProperty.call(message, "payload") && message.payload.length)
                    writer.uint32(/* id 15, wireType 2 =*/122).bytes(message.payload);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a Message message from the specified reader or buffer.
             * @function decode
             * @memberof isthmus.v1.Message
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {isthmus.v1.Message & isthmus.v1.Message.$Shape} Message
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Message.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.isthmus.v1.Message();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.id = value;
                            else
                                delete message.id;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.int32())
                                message.lane = value;
                            else
                                delete message.lane;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.seq = value;
                            else
                                delete message.seq;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.key = value;
                            else
                                delete message.key;
                            continue;
                        }
                    case 5: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.kind = value;
                            else
                                delete message.kind;
                            continue;
                        }
                    case 6: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.int32())
                                message.op = value;
                            else
                                delete message.op;
                            continue;
                        }
                    case 7: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.int32())
                                message.type = value;
                            else
                                delete message.type;
                            continue;
                        }
                    case 8: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.namespace = value;
                            else
                                delete message.namespace;
                            continue;
                        }
                    case 9: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.name = value;
                            else
                                delete message.name;
                            continue;
                        }
                    case 10: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.resourceVersion = value;
                            else
                                delete message.resourceVersion;
                            continue;
                        }
                    case 11: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.createdAt = value;
                            else
                                delete message.createdAt;
                            continue;
                        }
                    case 12: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.expiresAt = value;
                            else
                                delete message.expiresAt;
                            continue;
                        }
                    case 13: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.traceId = value;
                            else
                                delete message.traceId;
                            continue;
                        }
                    case 14: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.contentType = value;
                            else
                                delete message.contentType;
                            continue;
                        }
                    case 15: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.bytes()).length)
                                message.payload = value;
                            else
                                delete message.payload;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            return Message;
        })();

        v1.Cursor = (function() {

            /**
             * Properties of a Cursor.
             * @typedef {Object} isthmus.v1.Cursor.$Properties
             * @property {string|null} [epoch] Cursor epoch
             * @property {isthmus.v1.Lane|null} [lane] Cursor lane
             * @property {number|null} [seq] Cursor seq
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a Cursor.
             * @memberof isthmus.v1
             * @interface ICursor
             * @augments isthmus.v1.Cursor.$Properties
             * @deprecated Use isthmus.v1.Cursor.$Properties instead.
             */

            /**
             * Shape of a Cursor.
             * @typedef {isthmus.v1.Cursor.$Properties} isthmus.v1.Cursor.$Shape
             */

            /**
             * Constructs a new Cursor.
             * @memberof isthmus.v1
             * @classdesc Represents a Cursor.
             * @constructor
             * @param {isthmus.v1.Cursor.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const Cursor = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * Cursor epoch.
             * @member {string} epoch
             * @memberof isthmus.v1.Cursor
             * @instance
             */
            Cursor.prototype.epoch = "";

            /**
             * Cursor lane.
             * @member {isthmus.v1.Lane} lane
             * @memberof isthmus.v1.Cursor
             * @instance
             */
            Cursor.prototype.lane = 0;

            /**
             * Cursor seq.
             * @member {number} seq
             * @memberof isthmus.v1.Cursor
             * @instance
             */
            Cursor.prototype.seq = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * Creates a new Cursor instance using the specified properties.
             * @function create
             * @memberof isthmus.v1.Cursor
             * @static
             * @param {isthmus.v1.Cursor.$Properties=} [properties] Properties to set
             * @returns {isthmus.v1.Cursor} Cursor instance
             * @type {{
             *   (properties: isthmus.v1.Cursor.$Shape): isthmus.v1.Cursor & isthmus.v1.Cursor.$Shape;
             *   (properties?: isthmus.v1.Cursor.$Properties): isthmus.v1.Cursor;
             * }}
             */
            Cursor.create = function(properties) {
                return new Cursor(properties);
            };

            /**
             * Encodes the specified Cursor message. Does not implicitly {@link isthmus.v1.Cursor.verify|verify} messages.
             * @function encode
             * @memberof isthmus.v1.Cursor
             * @static
             * @param {isthmus.v1.Cursor.$Properties} message Cursor message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Cursor.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.epoch != null && $Object.hasOwnProperty.call(message, "epoch") && message.epoch !== "")
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.epoch);
                if (message.lane != null && $Object.hasOwnProperty.call(message, "lane") && message.lane !== 0)
                    writer.uint32(/* id 2, wireType 0 =*/16).int32(message.lane);
                if (message.seq != null && $Object.hasOwnProperty.call(message, "seq") && (typeof message.seq === "object" ? message.seq.low || message.seq.high : message.seq !== 0))
                    writer.uint32(/* id 3, wireType 0 =*/24).uint64(message.seq);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a Cursor message from the specified reader or buffer.
             * @function decode
             * @memberof isthmus.v1.Cursor
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {isthmus.v1.Cursor & isthmus.v1.Cursor.$Shape} Cursor
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Cursor.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.isthmus.v1.Cursor();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.epoch = value;
                            else
                                delete message.epoch;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.int32())
                                message.lane = value;
                            else
                                delete message.lane;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.seq = value;
                            else
                                delete message.seq;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            return Cursor;
        })();

        v1.Hello = (function() {

            /**
             * Properties of a Hello.
             * @typedef {Object} isthmus.v1.Hello.$Properties
             * @property {number|null} [version] Hello version
             * @property {string|null} [node] Hello node
             * @property {string|null} [epoch] Hello epoch
             * @property {Array.<isthmus.v1.Cursor.$Properties>|null} [received] Hello received
             * @property {number|null} [maxFrameBytes] Hello maxFrameBytes
             * @property {number|null} [path] Hello path
             * @property {string|null} [instance] Hello instance
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a Hello.
             * @memberof isthmus.v1
             * @interface IHello
             * @augments isthmus.v1.Hello.$Properties
             * @deprecated Use isthmus.v1.Hello.$Properties instead.
             */

            /**
             * Shape of a Hello.
             * @typedef {isthmus.v1.Hello.$Properties} isthmus.v1.Hello.$Shape
             */

            /**
             * Constructs a new Hello.
             * @memberof isthmus.v1
             * @classdesc Represents a Hello.
             * @constructor
             * @param {isthmus.v1.Hello.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const Hello = function (properties) {
                this.received = [];
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * Hello version.
             * @member {number} version
             * @memberof isthmus.v1.Hello
             * @instance
             */
            Hello.prototype.version = 0;

            /**
             * Hello node.
             * @member {string} node
             * @memberof isthmus.v1.Hello
             * @instance
             */
            Hello.prototype.node = "";

            /**
             * Hello epoch.
             * @member {string} epoch
             * @memberof isthmus.v1.Hello
             * @instance
             */
            Hello.prototype.epoch = "";

            /**
             * Hello received.
             * @member {Array.<isthmus.v1.Cursor.$Properties>} received
             * @memberof isthmus.v1.Hello
             * @instance
             */
            Hello.prototype.received = $util.emptyArray;

            /**
             * Hello maxFrameBytes.
             * @member {number} maxFrameBytes
             * @memberof isthmus.v1.Hello
             * @instance
             */
            Hello.prototype.maxFrameBytes = 0;

            /**
             * Hello path.
             * @member {number} path
             * @memberof isthmus.v1.Hello
             * @instance
             */
            Hello.prototype.path = 0;

            /**
             * Hello instance.
             * @member {string} instance
             * @memberof isthmus.v1.Hello
             * @instance
             */
            Hello.prototype.instance = "";

            /**
             * Creates a new Hello instance using the specified properties.
             * @function create
             * @memberof isthmus.v1.Hello
             * @static
             * @param {isthmus.v1.Hello.$Properties=} [properties] Properties to set
             * @returns {isthmus.v1.Hello} Hello instance
             * @type {{
             *   (properties: isthmus.v1.Hello.$Shape): isthmus.v1.Hello & isthmus.v1.Hello.$Shape;
             *   (properties?: isthmus.v1.Hello.$Properties): isthmus.v1.Hello;
             * }}
             */
            Hello.create = function(properties) {
                return new Hello(properties);
            };

            /**
             * Encodes the specified Hello message. Does not implicitly {@link isthmus.v1.Hello.verify|verify} messages.
             * @function encode
             * @memberof isthmus.v1.Hello
             * @static
             * @param {isthmus.v1.Hello.$Properties} message Hello message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Hello.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.version != null && $Object.hasOwnProperty.call(message, "version") && message.version !== 0)
                    writer.uint32(/* id 1, wireType 0 =*/8).uint32(message.version);
                if (message.node != null && $Object.hasOwnProperty.call(message, "node") && message.node !== "")
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.node);
                if (message.epoch != null && $Object.hasOwnProperty.call(message, "epoch") && message.epoch !== "")
                    writer.uint32(/* id 3, wireType 2 =*/26).string(message.epoch);
                if (message.received != null && message.received.length)
                    for (let i = 0; i < message.received.length; ++i)
                        $root.isthmus.v1.Cursor.encode(message.received[i], writer.uint32(/* id 4, wireType 2 =*/34).fork(), _depth + 1).ldelim();
                if (message.maxFrameBytes != null && $Object.hasOwnProperty.call(message, "maxFrameBytes") && message.maxFrameBytes !== 0)
                    writer.uint32(/* id 5, wireType 0 =*/40).uint32(message.maxFrameBytes);
                if (message.path != null && $Object.hasOwnProperty.call(message, "path") && message.path !== 0)
                    writer.uint32(/* id 7, wireType 0 =*/56).uint32(message.path);
                if (message.instance != null && $Object.hasOwnProperty.call(message, "instance") && message.instance !== "")
                    writer.uint32(/* id 8, wireType 2 =*/66).string(message.instance);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a Hello message from the specified reader or buffer.
             * @function decode
             * @memberof isthmus.v1.Hello
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {isthmus.v1.Hello & isthmus.v1.Hello.$Shape} Hello
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Hello.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.isthmus.v1.Hello();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.version = value;
                            else
                                delete message.version;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.node = value;
                            else
                                delete message.node;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.epoch = value;
                            else
                                delete message.epoch;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 2)
                                break;
                            if (!(message.received && message.received.length))
                                message.received = [];
                            message.received.push($root.isthmus.v1.Cursor.decode(reader, reader.size(), $undefined, _depth + 1));
                            continue;
                        }
                    case 5: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.maxFrameBytes = value;
                            else
                                delete message.maxFrameBytes;
                            continue;
                        }
                    case 7: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.path = value;
                            else
                                delete message.path;
                            continue;
                        }
                    case 8: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.instance = value;
                            else
                                delete message.instance;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            return Hello;
        })();

        v1.Welcome = (function() {

            /**
             * Properties of a Welcome.
             * @typedef {Object} isthmus.v1.Welcome.$Properties
             * @property {number|null} [version] Welcome version
             * @property {string|null} [session] Welcome session
             * @property {string|null} [epoch] Welcome epoch
             * @property {Array.<isthmus.v1.Cursor.$Properties>|null} [received] Welcome received
             * @property {number|null} [maxFrameBytes] Welcome maxFrameBytes
             * @property {number|null} [pingIntervalMs] Welcome pingIntervalMs
             * @property {number|null} [maxPaths] Welcome maxPaths
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a Welcome.
             * @memberof isthmus.v1
             * @interface IWelcome
             * @augments isthmus.v1.Welcome.$Properties
             * @deprecated Use isthmus.v1.Welcome.$Properties instead.
             */

            /**
             * Shape of a Welcome.
             * @typedef {isthmus.v1.Welcome.$Properties} isthmus.v1.Welcome.$Shape
             */

            /**
             * Constructs a new Welcome.
             * @memberof isthmus.v1
             * @classdesc Represents a Welcome.
             * @constructor
             * @param {isthmus.v1.Welcome.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const Welcome = function (properties) {
                this.received = [];
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * Welcome version.
             * @member {number} version
             * @memberof isthmus.v1.Welcome
             * @instance
             */
            Welcome.prototype.version = 0;

            /**
             * Welcome session.
             * @member {string} session
             * @memberof isthmus.v1.Welcome
             * @instance
             */
            Welcome.prototype.session = "";

            /**
             * Welcome epoch.
             * @member {string} epoch
             * @memberof isthmus.v1.Welcome
             * @instance
             */
            Welcome.prototype.epoch = "";

            /**
             * Welcome received.
             * @member {Array.<isthmus.v1.Cursor.$Properties>} received
             * @memberof isthmus.v1.Welcome
             * @instance
             */
            Welcome.prototype.received = $util.emptyArray;

            /**
             * Welcome maxFrameBytes.
             * @member {number} maxFrameBytes
             * @memberof isthmus.v1.Welcome
             * @instance
             */
            Welcome.prototype.maxFrameBytes = 0;

            /**
             * Welcome pingIntervalMs.
             * @member {number} pingIntervalMs
             * @memberof isthmus.v1.Welcome
             * @instance
             */
            Welcome.prototype.pingIntervalMs = 0;

            /**
             * Welcome maxPaths.
             * @member {number} maxPaths
             * @memberof isthmus.v1.Welcome
             * @instance
             */
            Welcome.prototype.maxPaths = 0;

            /**
             * Creates a new Welcome instance using the specified properties.
             * @function create
             * @memberof isthmus.v1.Welcome
             * @static
             * @param {isthmus.v1.Welcome.$Properties=} [properties] Properties to set
             * @returns {isthmus.v1.Welcome} Welcome instance
             * @type {{
             *   (properties: isthmus.v1.Welcome.$Shape): isthmus.v1.Welcome & isthmus.v1.Welcome.$Shape;
             *   (properties?: isthmus.v1.Welcome.$Properties): isthmus.v1.Welcome;
             * }}
             */
            Welcome.create = function(properties) {
                return new Welcome(properties);
            };

            /**
             * Encodes the specified Welcome message. Does not implicitly {@link isthmus.v1.Welcome.verify|verify} messages.
             * @function encode
             * @memberof isthmus.v1.Welcome
             * @static
             * @param {isthmus.v1.Welcome.$Properties} message Welcome message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Welcome.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.version != null && $Object.hasOwnProperty.call(message, "version") && message.version !== 0)
                    writer.uint32(/* id 1, wireType 0 =*/8).uint32(message.version);
                if (message.session != null && $Object.hasOwnProperty.call(message, "session") && message.session !== "")
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.session);
                if (message.epoch != null && $Object.hasOwnProperty.call(message, "epoch") && message.epoch !== "")
                    writer.uint32(/* id 3, wireType 2 =*/26).string(message.epoch);
                if (message.received != null && message.received.length)
                    for (let i = 0; i < message.received.length; ++i)
                        $root.isthmus.v1.Cursor.encode(message.received[i], writer.uint32(/* id 4, wireType 2 =*/34).fork(), _depth + 1).ldelim();
                if (message.maxFrameBytes != null && $Object.hasOwnProperty.call(message, "maxFrameBytes") && message.maxFrameBytes !== 0)
                    writer.uint32(/* id 5, wireType 0 =*/40).uint32(message.maxFrameBytes);
                if (message.pingIntervalMs != null && $Object.hasOwnProperty.call(message, "pingIntervalMs") && message.pingIntervalMs !== 0)
                    writer.uint32(/* id 6, wireType 0 =*/48).uint32(message.pingIntervalMs);
                if (message.maxPaths != null && $Object.hasOwnProperty.call(message, "maxPaths") && message.maxPaths !== 0)
                    writer.uint32(/* id 7, wireType 0 =*/56).uint32(message.maxPaths);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a Welcome message from the specified reader or buffer.
             * @function decode
             * @memberof isthmus.v1.Welcome
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {isthmus.v1.Welcome & isthmus.v1.Welcome.$Shape} Welcome
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Welcome.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.isthmus.v1.Welcome();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.version = value;
                            else
                                delete message.version;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.session = value;
                            else
                                delete message.session;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.epoch = value;
                            else
                                delete message.epoch;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 2)
                                break;
                            if (!(message.received && message.received.length))
                                message.received = [];
                            message.received.push($root.isthmus.v1.Cursor.decode(reader, reader.size(), $undefined, _depth + 1));
                            continue;
                        }
                    case 5: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.maxFrameBytes = value;
                            else
                                delete message.maxFrameBytes;
                            continue;
                        }
                    case 6: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.pingIntervalMs = value;
                            else
                                delete message.pingIntervalMs;
                            continue;
                        }
                    case 7: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.maxPaths = value;
                            else
                                delete message.maxPaths;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            return Welcome;
        })();

        v1.Batch = (function() {

            /**
             * Properties of a Batch.
             * @typedef {Object} isthmus.v1.Batch.$Properties
             * @property {Array.<isthmus.v1.Message.$Properties>|null} [messages] Batch messages
             * @property {Array.<isthmus.v1.Cursor.$Properties>|null} [acks] Batch acks
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a Batch.
             * @memberof isthmus.v1
             * @interface IBatch
             * @augments isthmus.v1.Batch.$Properties
             * @deprecated Use isthmus.v1.Batch.$Properties instead.
             */

            /**
             * Shape of a Batch.
             * @typedef {isthmus.v1.Batch.$Properties} isthmus.v1.Batch.$Shape
             */

            /**
             * Constructs a new Batch.
             * @memberof isthmus.v1
             * @classdesc Represents a Batch.
             * @constructor
             * @param {isthmus.v1.Batch.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const Batch = function (properties) {
                this.messages = [];
                this.acks = [];
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * Batch messages.
             * @member {Array.<isthmus.v1.Message.$Properties>} messages
             * @memberof isthmus.v1.Batch
             * @instance
             */
            Batch.prototype.messages = $util.emptyArray;

            /**
             * Batch acks.
             * @member {Array.<isthmus.v1.Cursor.$Properties>} acks
             * @memberof isthmus.v1.Batch
             * @instance
             */
            Batch.prototype.acks = $util.emptyArray;

            /**
             * Creates a new Batch instance using the specified properties.
             * @function create
             * @memberof isthmus.v1.Batch
             * @static
             * @param {isthmus.v1.Batch.$Properties=} [properties] Properties to set
             * @returns {isthmus.v1.Batch} Batch instance
             * @type {{
             *   (properties: isthmus.v1.Batch.$Shape): isthmus.v1.Batch & isthmus.v1.Batch.$Shape;
             *   (properties?: isthmus.v1.Batch.$Properties): isthmus.v1.Batch;
             * }}
             */
            Batch.create = function(properties) {
                return new Batch(properties);
            };

            /**
             * Encodes the specified Batch message. Does not implicitly {@link isthmus.v1.Batch.verify|verify} messages.
             * @function encode
             * @memberof isthmus.v1.Batch
             * @static
             * @param {isthmus.v1.Batch.$Properties} message Batch message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Batch.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.messages != null && message.messages.length)
                    for (let i = 0; i < message.messages.length; ++i)
                        $root.isthmus.v1.Message.encode(message.messages[i], writer.uint32(/* id 1, wireType 2 =*/10).fork(), _depth + 1).ldelim();
                if (message.acks != null && message.acks.length)
                    for (let i = 0; i < message.acks.length; ++i)
                        $root.isthmus.v1.Cursor.encode(message.acks[i], writer.uint32(/* id 2, wireType 2 =*/18).fork(), _depth + 1).ldelim();
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a Batch message from the specified reader or buffer.
             * @function decode
             * @memberof isthmus.v1.Batch
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {isthmus.v1.Batch & isthmus.v1.Batch.$Shape} Batch
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Batch.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.isthmus.v1.Batch();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if (!(message.messages && message.messages.length))
                                message.messages = [];
                            message.messages.push($root.isthmus.v1.Message.decode(reader, reader.size(), $undefined, _depth + 1));
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if (!(message.acks && message.acks.length))
                                message.acks = [];
                            message.acks.push($root.isthmus.v1.Cursor.decode(reader, reader.size(), $undefined, _depth + 1));
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            return Batch;
        })();

        v1.Ack = (function() {

            /**
             * Properties of an Ack.
             * @typedef {Object} isthmus.v1.Ack.$Properties
             * @property {Array.<isthmus.v1.Cursor.$Properties>|null} [cursors] Ack cursors
             * @property {Array.<isthmus.v1.Cursor.$Properties>|null} [received] Ack received
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of an Ack.
             * @memberof isthmus.v1
             * @interface IAck
             * @augments isthmus.v1.Ack.$Properties
             * @deprecated Use isthmus.v1.Ack.$Properties instead.
             */

            /**
             * Shape of an Ack.
             * @typedef {isthmus.v1.Ack.$Properties} isthmus.v1.Ack.$Shape
             */

            /**
             * Constructs a new Ack.
             * @memberof isthmus.v1
             * @classdesc Represents an Ack.
             * @constructor
             * @param {isthmus.v1.Ack.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const Ack = function (properties) {
                this.cursors = [];
                this.received = [];
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * Ack cursors.
             * @member {Array.<isthmus.v1.Cursor.$Properties>} cursors
             * @memberof isthmus.v1.Ack
             * @instance
             */
            Ack.prototype.cursors = $util.emptyArray;

            /**
             * Ack received.
             * @member {Array.<isthmus.v1.Cursor.$Properties>} received
             * @memberof isthmus.v1.Ack
             * @instance
             */
            Ack.prototype.received = $util.emptyArray;

            /**
             * Creates a new Ack instance using the specified properties.
             * @function create
             * @memberof isthmus.v1.Ack
             * @static
             * @param {isthmus.v1.Ack.$Properties=} [properties] Properties to set
             * @returns {isthmus.v1.Ack} Ack instance
             * @type {{
             *   (properties: isthmus.v1.Ack.$Shape): isthmus.v1.Ack & isthmus.v1.Ack.$Shape;
             *   (properties?: isthmus.v1.Ack.$Properties): isthmus.v1.Ack;
             * }}
             */
            Ack.create = function(properties) {
                return new Ack(properties);
            };

            /**
             * Encodes the specified Ack message. Does not implicitly {@link isthmus.v1.Ack.verify|verify} messages.
             * @function encode
             * @memberof isthmus.v1.Ack
             * @static
             * @param {isthmus.v1.Ack.$Properties} message Ack message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Ack.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.cursors != null && message.cursors.length)
                    for (let i = 0; i < message.cursors.length; ++i)
                        $root.isthmus.v1.Cursor.encode(message.cursors[i], writer.uint32(/* id 1, wireType 2 =*/10).fork(), _depth + 1).ldelim();
                if (message.received != null && message.received.length)
                    for (let i = 0; i < message.received.length; ++i)
                        $root.isthmus.v1.Cursor.encode(message.received[i], writer.uint32(/* id 2, wireType 2 =*/18).fork(), _depth + 1).ldelim();
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes an Ack message from the specified reader or buffer.
             * @function decode
             * @memberof isthmus.v1.Ack
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {isthmus.v1.Ack & isthmus.v1.Ack.$Shape} Ack
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Ack.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.isthmus.v1.Ack();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if (!(message.cursors && message.cursors.length))
                                message.cursors = [];
                            message.cursors.push($root.isthmus.v1.Cursor.decode(reader, reader.size(), $undefined, _depth + 1));
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if (!(message.received && message.received.length))
                                message.received = [];
                            message.received.push($root.isthmus.v1.Cursor.decode(reader, reader.size(), $undefined, _depth + 1));
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            return Ack;
        })();

        v1.Ping = (function() {

            /**
             * Properties of a Ping.
             * @typedef {Object} isthmus.v1.Ping.$Properties
             * @property {number|null} [nonce] Ping nonce
             * @property {number|null} [sentAt] Ping sentAt
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a Ping.
             * @memberof isthmus.v1
             * @interface IPing
             * @augments isthmus.v1.Ping.$Properties
             * @deprecated Use isthmus.v1.Ping.$Properties instead.
             */

            /**
             * Shape of a Ping.
             * @typedef {isthmus.v1.Ping.$Properties} isthmus.v1.Ping.$Shape
             */

            /**
             * Constructs a new Ping.
             * @memberof isthmus.v1
             * @classdesc Represents a Ping.
             * @constructor
             * @param {isthmus.v1.Ping.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const Ping = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * Ping nonce.
             * @member {number} nonce
             * @memberof isthmus.v1.Ping
             * @instance
             */
            Ping.prototype.nonce = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * Ping sentAt.
             * @member {number} sentAt
             * @memberof isthmus.v1.Ping
             * @instance
             */
            Ping.prototype.sentAt = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * Creates a new Ping instance using the specified properties.
             * @function create
             * @memberof isthmus.v1.Ping
             * @static
             * @param {isthmus.v1.Ping.$Properties=} [properties] Properties to set
             * @returns {isthmus.v1.Ping} Ping instance
             * @type {{
             *   (properties: isthmus.v1.Ping.$Shape): isthmus.v1.Ping & isthmus.v1.Ping.$Shape;
             *   (properties?: isthmus.v1.Ping.$Properties): isthmus.v1.Ping;
             * }}
             */
            Ping.create = function(properties) {
                return new Ping(properties);
            };

            /**
             * Encodes the specified Ping message. Does not implicitly {@link isthmus.v1.Ping.verify|verify} messages.
             * @function encode
             * @memberof isthmus.v1.Ping
             * @static
             * @param {isthmus.v1.Ping.$Properties} message Ping message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Ping.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.nonce != null && $Object.hasOwnProperty.call(message, "nonce") && (typeof message.nonce === "object" ? message.nonce.low || message.nonce.high : message.nonce !== 0))
                    writer.uint32(/* id 1, wireType 0 =*/8).uint64(message.nonce);
                if (message.sentAt != null && $Object.hasOwnProperty.call(message, "sentAt") && (typeof message.sentAt === "object" ? message.sentAt.low || message.sentAt.high : message.sentAt !== 0))
                    writer.uint32(/* id 2, wireType 0 =*/16).uint64(message.sentAt);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a Ping message from the specified reader or buffer.
             * @function decode
             * @memberof isthmus.v1.Ping
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {isthmus.v1.Ping & isthmus.v1.Ping.$Shape} Ping
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Ping.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.isthmus.v1.Ping();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.nonce = value;
                            else
                                delete message.nonce;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.sentAt = value;
                            else
                                delete message.sentAt;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            return Ping;
        })();

        v1.Pong = (function() {

            /**
             * Properties of a Pong.
             * @typedef {Object} isthmus.v1.Pong.$Properties
             * @property {number|null} [nonce] Pong nonce
             * @property {number|null} [sentAt] Pong sentAt
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a Pong.
             * @memberof isthmus.v1
             * @interface IPong
             * @augments isthmus.v1.Pong.$Properties
             * @deprecated Use isthmus.v1.Pong.$Properties instead.
             */

            /**
             * Shape of a Pong.
             * @typedef {isthmus.v1.Pong.$Properties} isthmus.v1.Pong.$Shape
             */

            /**
             * Constructs a new Pong.
             * @memberof isthmus.v1
             * @classdesc Represents a Pong.
             * @constructor
             * @param {isthmus.v1.Pong.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const Pong = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * Pong nonce.
             * @member {number} nonce
             * @memberof isthmus.v1.Pong
             * @instance
             */
            Pong.prototype.nonce = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * Pong sentAt.
             * @member {number} sentAt
             * @memberof isthmus.v1.Pong
             * @instance
             */
            Pong.prototype.sentAt = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * Creates a new Pong instance using the specified properties.
             * @function create
             * @memberof isthmus.v1.Pong
             * @static
             * @param {isthmus.v1.Pong.$Properties=} [properties] Properties to set
             * @returns {isthmus.v1.Pong} Pong instance
             * @type {{
             *   (properties: isthmus.v1.Pong.$Shape): isthmus.v1.Pong & isthmus.v1.Pong.$Shape;
             *   (properties?: isthmus.v1.Pong.$Properties): isthmus.v1.Pong;
             * }}
             */
            Pong.create = function(properties) {
                return new Pong(properties);
            };

            /**
             * Encodes the specified Pong message. Does not implicitly {@link isthmus.v1.Pong.verify|verify} messages.
             * @function encode
             * @memberof isthmus.v1.Pong
             * @static
             * @param {isthmus.v1.Pong.$Properties} message Pong message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Pong.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.nonce != null && $Object.hasOwnProperty.call(message, "nonce") && (typeof message.nonce === "object" ? message.nonce.low || message.nonce.high : message.nonce !== 0))
                    writer.uint32(/* id 1, wireType 0 =*/8).uint64(message.nonce);
                if (message.sentAt != null && $Object.hasOwnProperty.call(message, "sentAt") && (typeof message.sentAt === "object" ? message.sentAt.low || message.sentAt.high : message.sentAt !== 0))
                    writer.uint32(/* id 2, wireType 0 =*/16).uint64(message.sentAt);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a Pong message from the specified reader or buffer.
             * @function decode
             * @memberof isthmus.v1.Pong
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {isthmus.v1.Pong & isthmus.v1.Pong.$Shape} Pong
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Pong.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.isthmus.v1.Pong();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.nonce = value;
                            else
                                delete message.nonce;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.sentAt = value;
                            else
                                delete message.sentAt;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            return Pong;
        })();

        v1.GoAway = (function() {

            /**
             * Properties of a GoAway.
             * @typedef {Object} isthmus.v1.GoAway.$Properties
             * @property {number|null} [code] GoAway code
             * @property {string|null} [reason] GoAway reason
             * @property {number|null} [retryAfterMs] GoAway retryAfterMs
             * @property {string|null} [redirect] GoAway redirect
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a GoAway.
             * @memberof isthmus.v1
             * @interface IGoAway
             * @augments isthmus.v1.GoAway.$Properties
             * @deprecated Use isthmus.v1.GoAway.$Properties instead.
             */

            /**
             * Shape of a GoAway.
             * @typedef {isthmus.v1.GoAway.$Properties} isthmus.v1.GoAway.$Shape
             */

            /**
             * Constructs a new GoAway.
             * @memberof isthmus.v1
             * @classdesc Represents a GoAway.
             * @constructor
             * @param {isthmus.v1.GoAway.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const GoAway = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * GoAway code.
             * @member {number} code
             * @memberof isthmus.v1.GoAway
             * @instance
             */
            GoAway.prototype.code = 0;

            /**
             * GoAway reason.
             * @member {string} reason
             * @memberof isthmus.v1.GoAway
             * @instance
             */
            GoAway.prototype.reason = "";

            /**
             * GoAway retryAfterMs.
             * @member {number} retryAfterMs
             * @memberof isthmus.v1.GoAway
             * @instance
             */
            GoAway.prototype.retryAfterMs = 0;

            /**
             * GoAway redirect.
             * @member {string} redirect
             * @memberof isthmus.v1.GoAway
             * @instance
             */
            GoAway.prototype.redirect = "";

            /**
             * Creates a new GoAway instance using the specified properties.
             * @function create
             * @memberof isthmus.v1.GoAway
             * @static
             * @param {isthmus.v1.GoAway.$Properties=} [properties] Properties to set
             * @returns {isthmus.v1.GoAway} GoAway instance
             * @type {{
             *   (properties: isthmus.v1.GoAway.$Shape): isthmus.v1.GoAway & isthmus.v1.GoAway.$Shape;
             *   (properties?: isthmus.v1.GoAway.$Properties): isthmus.v1.GoAway;
             * }}
             */
            GoAway.create = function(properties) {
                return new GoAway(properties);
            };

            /**
             * Encodes the specified GoAway message. Does not implicitly {@link isthmus.v1.GoAway.verify|verify} messages.
             * @function encode
             * @memberof isthmus.v1.GoAway
             * @static
             * @param {isthmus.v1.GoAway.$Properties} message GoAway message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            GoAway.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.code != null && $Object.hasOwnProperty.call(message, "code") && message.code !== 0)
                    writer.uint32(/* id 1, wireType 0 =*/8).uint32(message.code);
                if (message.reason != null && $Object.hasOwnProperty.call(message, "reason") && message.reason !== "")
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.reason);
                if (message.retryAfterMs != null && $Object.hasOwnProperty.call(message, "retryAfterMs") && message.retryAfterMs !== 0)
                    writer.uint32(/* id 3, wireType 0 =*/24).uint32(message.retryAfterMs);
                if (message.redirect != null && $Object.hasOwnProperty.call(message, "redirect") && message.redirect !== "")
                    writer.uint32(/* id 4, wireType 2 =*/34).string(message.redirect);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a GoAway message from the specified reader or buffer.
             * @function decode
             * @memberof isthmus.v1.GoAway
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {isthmus.v1.GoAway & isthmus.v1.GoAway.$Shape} GoAway
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            GoAway.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.isthmus.v1.GoAway();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.code = value;
                            else
                                delete message.code;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.reason = value;
                            else
                                delete message.reason;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.retryAfterMs = value;
                            else
                                delete message.retryAfterMs;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.redirect = value;
                            else
                                delete message.redirect;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            return GoAway;
        })();

        v1.RenewToken = (function() {

            /**
             * Properties of a RenewToken.
             * @typedef {Object} isthmus.v1.RenewToken.$Properties
             * @property {string|null} [token] RenewToken token
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a RenewToken.
             * @memberof isthmus.v1
             * @interface IRenewToken
             * @augments isthmus.v1.RenewToken.$Properties
             * @deprecated Use isthmus.v1.RenewToken.$Properties instead.
             */

            /**
             * Shape of a RenewToken.
             * @typedef {isthmus.v1.RenewToken.$Properties} isthmus.v1.RenewToken.$Shape
             */

            /**
             * Constructs a new RenewToken.
             * @memberof isthmus.v1
             * @classdesc Represents a RenewToken.
             * @constructor
             * @param {isthmus.v1.RenewToken.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const RenewToken = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * RenewToken token.
             * @member {string} token
             * @memberof isthmus.v1.RenewToken
             * @instance
             */
            RenewToken.prototype.token = "";

            /**
             * Creates a new RenewToken instance using the specified properties.
             * @function create
             * @memberof isthmus.v1.RenewToken
             * @static
             * @param {isthmus.v1.RenewToken.$Properties=} [properties] Properties to set
             * @returns {isthmus.v1.RenewToken} RenewToken instance
             * @type {{
             *   (properties: isthmus.v1.RenewToken.$Shape): isthmus.v1.RenewToken & isthmus.v1.RenewToken.$Shape;
             *   (properties?: isthmus.v1.RenewToken.$Properties): isthmus.v1.RenewToken;
             * }}
             */
            RenewToken.create = function(properties) {
                return new RenewToken(properties);
            };

            /**
             * Encodes the specified RenewToken message. Does not implicitly {@link isthmus.v1.RenewToken.verify|verify} messages.
             * @function encode
             * @memberof isthmus.v1.RenewToken
             * @static
             * @param {isthmus.v1.RenewToken.$Properties} message RenewToken message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            RenewToken.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.token != null && $Object.hasOwnProperty.call(message, "token") && message.token !== "")
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.token);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a RenewToken message from the specified reader or buffer.
             * @function decode
             * @memberof isthmus.v1.RenewToken
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {isthmus.v1.RenewToken & isthmus.v1.RenewToken.$Shape} RenewToken
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            RenewToken.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.isthmus.v1.RenewToken();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.token = value;
                            else
                                delete message.token;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            return RenewToken;
        })();

        v1.TokenRenewed = (function() {

            /**
             * Properties of a TokenRenewed.
             * @typedef {Object} isthmus.v1.TokenRenewed.$Properties
             * @property {number|null} [expiresAtMs] TokenRenewed expiresAtMs
             * @property {string|null} [error] TokenRenewed error
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a TokenRenewed.
             * @memberof isthmus.v1
             * @interface ITokenRenewed
             * @augments isthmus.v1.TokenRenewed.$Properties
             * @deprecated Use isthmus.v1.TokenRenewed.$Properties instead.
             */

            /**
             * Shape of a TokenRenewed.
             * @typedef {isthmus.v1.TokenRenewed.$Properties} isthmus.v1.TokenRenewed.$Shape
             */

            /**
             * Constructs a new TokenRenewed.
             * @memberof isthmus.v1
             * @classdesc Represents a TokenRenewed.
             * @constructor
             * @param {isthmus.v1.TokenRenewed.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const TokenRenewed = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * TokenRenewed expiresAtMs.
             * @member {number} expiresAtMs
             * @memberof isthmus.v1.TokenRenewed
             * @instance
             */
            TokenRenewed.prototype.expiresAtMs = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * TokenRenewed error.
             * @member {string} error
             * @memberof isthmus.v1.TokenRenewed
             * @instance
             */
            TokenRenewed.prototype.error = "";

            /**
             * Creates a new TokenRenewed instance using the specified properties.
             * @function create
             * @memberof isthmus.v1.TokenRenewed
             * @static
             * @param {isthmus.v1.TokenRenewed.$Properties=} [properties] Properties to set
             * @returns {isthmus.v1.TokenRenewed} TokenRenewed instance
             * @type {{
             *   (properties: isthmus.v1.TokenRenewed.$Shape): isthmus.v1.TokenRenewed & isthmus.v1.TokenRenewed.$Shape;
             *   (properties?: isthmus.v1.TokenRenewed.$Properties): isthmus.v1.TokenRenewed;
             * }}
             */
            TokenRenewed.create = function(properties) {
                return new TokenRenewed(properties);
            };

            /**
             * Encodes the specified TokenRenewed message. Does not implicitly {@link isthmus.v1.TokenRenewed.verify|verify} messages.
             * @function encode
             * @memberof isthmus.v1.TokenRenewed
             * @static
             * @param {isthmus.v1.TokenRenewed.$Properties} message TokenRenewed message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            TokenRenewed.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.expiresAtMs != null && $Object.hasOwnProperty.call(message, "expiresAtMs") && (typeof message.expiresAtMs === "object" ? message.expiresAtMs.low || message.expiresAtMs.high : message.expiresAtMs !== 0))
                    writer.uint32(/* id 1, wireType 0 =*/8).uint64(message.expiresAtMs);
                if (message.error != null && $Object.hasOwnProperty.call(message, "error") && message.error !== "")
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.error);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a TokenRenewed message from the specified reader or buffer.
             * @function decode
             * @memberof isthmus.v1.TokenRenewed
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {isthmus.v1.TokenRenewed & isthmus.v1.TokenRenewed.$Shape} TokenRenewed
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            TokenRenewed.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.isthmus.v1.TokenRenewed();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.expiresAtMs = value;
                            else
                                delete message.expiresAtMs;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.error = value;
                            else
                                delete message.error;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            return TokenRenewed;
        })();

        v1.Frame = (function() {

            /**
             * Properties of a Frame.
             * @typedef {Object} isthmus.v1.Frame.$Properties
             * @property {isthmus.v1.Hello.$Properties|null} [hello] Frame hello
             * @property {isthmus.v1.Welcome.$Properties|null} [welcome] Frame welcome
             * @property {isthmus.v1.Batch.$Properties|null} [batch] Frame batch
             * @property {isthmus.v1.Ack.$Properties|null} [ack] Frame ack
             * @property {isthmus.v1.Ping.$Properties|null} [ping] Frame ping
             * @property {isthmus.v1.Pong.$Properties|null} [pong] Frame pong
             * @property {isthmus.v1.GoAway.$Properties|null} [goAway] Frame goAway
             * @property {isthmus.v1.RenewToken.$Properties|null} [renewToken] Frame renewToken
             * @property {isthmus.v1.TokenRenewed.$Properties|null} [tokenRenewed] Frame tokenRenewed
             * @property {isthmus.v1.StreamOpen.$Properties|null} [streamOpen] Frame streamOpen
             * @property {isthmus.v1.StreamOk.$Properties|null} [streamOk] Frame streamOk
             * @property {isthmus.v1.StreamFail.$Properties|null} [streamFail] Frame streamFail
             * @property {isthmus.v1.StreamData.$Properties|null} [streamData] Frame streamData
             * @property {isthmus.v1.StreamWindow.$Properties|null} [streamWindow] Frame streamWindow
             * @property {isthmus.v1.StreamFin.$Properties|null} [streamFin] Frame streamFin
             * @property {isthmus.v1.StreamReset.$Properties|null} [streamReset] Frame streamReset
             * @property {isthmus.v1.StreamExit.$Properties|null} [streamExit] Frame streamExit
             * @property {isthmus.v1.StreamResize.$Properties|null} [streamResize] Frame streamResize
             * @property {"hello"|"welcome"|"batch"|"ack"|"ping"|"pong"|"goAway"|"renewToken"|"tokenRenewed"|"streamOpen"|"streamOk"|"streamFail"|"streamData"|"streamWindow"|"streamFin"|"streamReset"|"streamExit"|"streamResize"} [body] Frame body
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a Frame.
             * @memberof isthmus.v1
             * @interface IFrame
             * @augments isthmus.v1.Frame.$Properties
             * @deprecated Use isthmus.v1.Frame.$Properties instead.
             */

            /**
             * Narrowed shape of a Frame.
             * @typedef {{
             *   hello?: isthmus.v1.Hello.$Shape|null;
             *   welcome?: isthmus.v1.Welcome.$Shape|null;
             *   batch?: isthmus.v1.Batch.$Shape|null;
             *   ack?: isthmus.v1.Ack.$Shape|null;
             *   ping?: isthmus.v1.Ping.$Shape|null;
             *   pong?: isthmus.v1.Pong.$Shape|null;
             *   goAway?: isthmus.v1.GoAway.$Shape|null;
             *   renewToken?: isthmus.v1.RenewToken.$Shape|null;
             *   tokenRenewed?: isthmus.v1.TokenRenewed.$Shape|null;
             *   streamOpen?: isthmus.v1.StreamOpen.$Shape|null;
             *   streamOk?: isthmus.v1.StreamOk.$Shape|null;
             *   streamFail?: isthmus.v1.StreamFail.$Shape|null;
             *   streamData?: isthmus.v1.StreamData.$Shape|null;
             *   streamWindow?: isthmus.v1.StreamWindow.$Shape|null;
             *   streamFin?: isthmus.v1.StreamFin.$Shape|null;
             *   streamReset?: isthmus.v1.StreamReset.$Shape|null;
             *   streamExit?: isthmus.v1.StreamExit.$Shape|null;
             *   streamResize?: isthmus.v1.StreamResize.$Shape|null;
             *   $unknowns?: Array.<Uint8Array>;
             * } & (
             *   ({ body?: undefined; hello?: null; welcome?: null; batch?: null; ack?: null; ping?: null; pong?: null; goAway?: null; renewToken?: null; tokenRenewed?: null; streamOpen?: null; streamOk?: null; streamFail?: null; streamData?: null; streamWindow?: null; streamFin?: null; streamReset?: null; streamExit?: null; streamResize?: null }|{ body?: "hello"; hello: isthmus.v1.Hello.$Shape; welcome?: null; batch?: null; ack?: null; ping?: null; pong?: null; goAway?: null; renewToken?: null; tokenRenewed?: null; streamOpen?: null; streamOk?: null; streamFail?: null; streamData?: null; streamWindow?: null; streamFin?: null; streamReset?: null; streamExit?: null; streamResize?: null }|{ body?: "welcome"; hello?: null; welcome: isthmus.v1.Welcome.$Shape; batch?: null; ack?: null; ping?: null; pong?: null; goAway?: null; renewToken?: null; tokenRenewed?: null; streamOpen?: null; streamOk?: null; streamFail?: null; streamData?: null; streamWindow?: null; streamFin?: null; streamReset?: null; streamExit?: null; streamResize?: null }|{ body?: "batch"; hello?: null; welcome?: null; batch: isthmus.v1.Batch.$Shape; ack?: null; ping?: null; pong?: null; goAway?: null; renewToken?: null; tokenRenewed?: null; streamOpen?: null; streamOk?: null; streamFail?: null; streamData?: null; streamWindow?: null; streamFin?: null; streamReset?: null; streamExit?: null; streamResize?: null }|{ body?: "ack"; hello?: null; welcome?: null; batch?: null; ack: isthmus.v1.Ack.$Shape; ping?: null; pong?: null; goAway?: null; renewToken?: null; tokenRenewed?: null; streamOpen?: null; streamOk?: null; streamFail?: null; streamData?: null; streamWindow?: null; streamFin?: null; streamReset?: null; streamExit?: null; streamResize?: null }|{ body?: "ping"; hello?: null; welcome?: null; batch?: null; ack?: null; ping: isthmus.v1.Ping.$Shape; pong?: null; goAway?: null; renewToken?: null; tokenRenewed?: null; streamOpen?: null; streamOk?: null; streamFail?: null; streamData?: null; streamWindow?: null; streamFin?: null; streamReset?: null; streamExit?: null; streamResize?: null }|{ body?: "pong"; hello?: null; welcome?: null; batch?: null; ack?: null; ping?: null; pong: isthmus.v1.Pong.$Shape; goAway?: null; renewToken?: null; tokenRenewed?: null; streamOpen?: null; streamOk?: null; streamFail?: null; streamData?: null; streamWindow?: null; streamFin?: null; streamReset?: null; streamExit?: null; streamResize?: null }|{ body?: "goAway"; hello?: null; welcome?: null; batch?: null; ack?: null; ping?: null; pong?: null; goAway: isthmus.v1.GoAway.$Shape; renewToken?: null; tokenRenewed?: null; streamOpen?: null; streamOk?: null; streamFail?: null; streamData?: null; streamWindow?: null; streamFin?: null; streamReset?: null; streamExit?: null; streamResize?: null }|{ body?: "renewToken"; hello?: null; welcome?: null; batch?: null; ack?: null; ping?: null; pong?: null; goAway?: null; renewToken: isthmus.v1.RenewToken.$Shape; tokenRenewed?: null; streamOpen?: null; streamOk?: null; streamFail?: null; streamData?: null; streamWindow?: null; streamFin?: null; streamReset?: null; streamExit?: null; streamResize?: null }|{ body?: "tokenRenewed"; hello?: null; welcome?: null; batch?: null; ack?: null; ping?: null; pong?: null; goAway?: null; renewToken?: null; tokenRenewed: isthmus.v1.TokenRenewed.$Shape; streamOpen?: null; streamOk?: null; streamFail?: null; streamData?: null; streamWindow?: null; streamFin?: null; streamReset?: null; streamExit?: null; streamResize?: null }|{ body?: "streamOpen"; hello?: null; welcome?: null; batch?: null; ack?: null; ping?: null; pong?: null; goAway?: null; renewToken?: null; tokenRenewed?: null; streamOpen: isthmus.v1.StreamOpen.$Shape; streamOk?: null; streamFail?: null; streamData?: null; streamWindow?: null; streamFin?: null; streamReset?: null; streamExit?: null; streamResize?: null }|{ body?: "streamOk"; hello?: null; welcome?: null; batch?: null; ack?: null; ping?: null; pong?: null; goAway?: null; renewToken?: null; tokenRenewed?: null; streamOpen?: null; streamOk: isthmus.v1.StreamOk.$Shape; streamFail?: null; streamData?: null; streamWindow?: null; streamFin?: null; streamReset?: null; streamExit?: null; streamResize?: null }|{ body?: "streamFail"; hello?: null; welcome?: null; batch?: null; ack?: null; ping?: null; pong?: null; goAway?: null; renewToken?: null; tokenRenewed?: null; streamOpen?: null; streamOk?: null; streamFail: isthmus.v1.StreamFail.$Shape; streamData?: null; streamWindow?: null; streamFin?: null; streamReset?: null; streamExit?: null; streamResize?: null }|{ body?: "streamData"; hello?: null; welcome?: null; batch?: null; ack?: null; ping?: null; pong?: null; goAway?: null; renewToken?: null; tokenRenewed?: null; streamOpen?: null; streamOk?: null; streamFail?: null; streamData: isthmus.v1.StreamData.$Shape; streamWindow?: null; streamFin?: null; streamReset?: null; streamExit?: null; streamResize?: null }|{ body?: "streamWindow"; hello?: null; welcome?: null; batch?: null; ack?: null; ping?: null; pong?: null; goAway?: null; renewToken?: null; tokenRenewed?: null; streamOpen?: null; streamOk?: null; streamFail?: null; streamData?: null; streamWindow: isthmus.v1.StreamWindow.$Shape; streamFin?: null; streamReset?: null; streamExit?: null; streamResize?: null }|{ body?: "streamFin"; hello?: null; welcome?: null; batch?: null; ack?: null; ping?: null; pong?: null; goAway?: null; renewToken?: null; tokenRenewed?: null; streamOpen?: null; streamOk?: null; streamFail?: null; streamData?: null; streamWindow?: null; streamFin: isthmus.v1.StreamFin.$Shape; streamReset?: null; streamExit?: null; streamResize?: null }|{ body?: "streamReset"; hello?: null; welcome?: null; batch?: null; ack?: null; ping?: null; pong?: null; goAway?: null; renewToken?: null; tokenRenewed?: null; streamOpen?: null; streamOk?: null; streamFail?: null; streamData?: null; streamWindow?: null; streamFin?: null; streamReset: isthmus.v1.StreamReset.$Shape; streamExit?: null; streamResize?: null }|{ body?: "streamExit"; hello?: null; welcome?: null; batch?: null; ack?: null; ping?: null; pong?: null; goAway?: null; renewToken?: null; tokenRenewed?: null; streamOpen?: null; streamOk?: null; streamFail?: null; streamData?: null; streamWindow?: null; streamFin?: null; streamReset?: null; streamExit: isthmus.v1.StreamExit.$Shape; streamResize?: null }|{ body?: "streamResize"; hello?: null; welcome?: null; batch?: null; ack?: null; ping?: null; pong?: null; goAway?: null; renewToken?: null; tokenRenewed?: null; streamOpen?: null; streamOk?: null; streamFail?: null; streamData?: null; streamWindow?: null; streamFin?: null; streamReset?: null; streamExit?: null; streamResize: isthmus.v1.StreamResize.$Shape })
             * )} isthmus.v1.Frame.$Shape
             */

            /**
             * Constructs a new Frame.
             * @memberof isthmus.v1
             * @classdesc Represents a Frame.
             * @constructor
             * @param {isthmus.v1.Frame.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const Frame = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * Frame hello.
             * @member {isthmus.v1.Hello.$Properties|null|undefined} hello
             * @memberof isthmus.v1.Frame
             * @instance
             */
            Frame.prototype.hello = null;

            /**
             * Frame welcome.
             * @member {isthmus.v1.Welcome.$Properties|null|undefined} welcome
             * @memberof isthmus.v1.Frame
             * @instance
             */
            Frame.prototype.welcome = null;

            /**
             * Frame batch.
             * @member {isthmus.v1.Batch.$Properties|null|undefined} batch
             * @memberof isthmus.v1.Frame
             * @instance
             */
            Frame.prototype.batch = null;

            /**
             * Frame ack.
             * @member {isthmus.v1.Ack.$Properties|null|undefined} ack
             * @memberof isthmus.v1.Frame
             * @instance
             */
            Frame.prototype.ack = null;

            /**
             * Frame ping.
             * @member {isthmus.v1.Ping.$Properties|null|undefined} ping
             * @memberof isthmus.v1.Frame
             * @instance
             */
            Frame.prototype.ping = null;

            /**
             * Frame pong.
             * @member {isthmus.v1.Pong.$Properties|null|undefined} pong
             * @memberof isthmus.v1.Frame
             * @instance
             */
            Frame.prototype.pong = null;

            /**
             * Frame goAway.
             * @member {isthmus.v1.GoAway.$Properties|null|undefined} goAway
             * @memberof isthmus.v1.Frame
             * @instance
             */
            Frame.prototype.goAway = null;

            /**
             * Frame renewToken.
             * @member {isthmus.v1.RenewToken.$Properties|null|undefined} renewToken
             * @memberof isthmus.v1.Frame
             * @instance
             */
            Frame.prototype.renewToken = null;

            /**
             * Frame tokenRenewed.
             * @member {isthmus.v1.TokenRenewed.$Properties|null|undefined} tokenRenewed
             * @memberof isthmus.v1.Frame
             * @instance
             */
            Frame.prototype.tokenRenewed = null;

            /**
             * Frame streamOpen.
             * @member {isthmus.v1.StreamOpen.$Properties|null|undefined} streamOpen
             * @memberof isthmus.v1.Frame
             * @instance
             */
            Frame.prototype.streamOpen = null;

            /**
             * Frame streamOk.
             * @member {isthmus.v1.StreamOk.$Properties|null|undefined} streamOk
             * @memberof isthmus.v1.Frame
             * @instance
             */
            Frame.prototype.streamOk = null;

            /**
             * Frame streamFail.
             * @member {isthmus.v1.StreamFail.$Properties|null|undefined} streamFail
             * @memberof isthmus.v1.Frame
             * @instance
             */
            Frame.prototype.streamFail = null;

            /**
             * Frame streamData.
             * @member {isthmus.v1.StreamData.$Properties|null|undefined} streamData
             * @memberof isthmus.v1.Frame
             * @instance
             */
            Frame.prototype.streamData = null;

            /**
             * Frame streamWindow.
             * @member {isthmus.v1.StreamWindow.$Properties|null|undefined} streamWindow
             * @memberof isthmus.v1.Frame
             * @instance
             */
            Frame.prototype.streamWindow = null;

            /**
             * Frame streamFin.
             * @member {isthmus.v1.StreamFin.$Properties|null|undefined} streamFin
             * @memberof isthmus.v1.Frame
             * @instance
             */
            Frame.prototype.streamFin = null;

            /**
             * Frame streamReset.
             * @member {isthmus.v1.StreamReset.$Properties|null|undefined} streamReset
             * @memberof isthmus.v1.Frame
             * @instance
             */
            Frame.prototype.streamReset = null;

            /**
             * Frame streamExit.
             * @member {isthmus.v1.StreamExit.$Properties|null|undefined} streamExit
             * @memberof isthmus.v1.Frame
             * @instance
             */
            Frame.prototype.streamExit = null;

            /**
             * Frame streamResize.
             * @member {isthmus.v1.StreamResize.$Properties|null|undefined} streamResize
             * @memberof isthmus.v1.Frame
             * @instance
             */
            Frame.prototype.streamResize = null;

            // OneOf field names bound to virtual getters and setters
            let $oneOfFields;

            /**
             * Frame body.
             * @member {"hello"|"welcome"|"batch"|"ack"|"ping"|"pong"|"goAway"|"renewToken"|"tokenRenewed"|"streamOpen"|"streamOk"|"streamFail"|"streamData"|"streamWindow"|"streamFin"|"streamReset"|"streamExit"|"streamResize"|undefined} body
             * @memberof isthmus.v1.Frame
             * @instance
             */
            $Object.defineProperty(Frame.prototype, "body", {
                get: $util.oneOfGetter($oneOfFields = ["hello", "welcome", "batch", "ack", "ping", "pong", "goAway", "renewToken", "tokenRenewed", "streamOpen", "streamOk", "streamFail", "streamData", "streamWindow", "streamFin", "streamReset", "streamExit", "streamResize"]),
                set: $util.oneOfSetter($oneOfFields)
            });

            /**
             * Creates a new Frame instance using the specified properties.
             * @function create
             * @memberof isthmus.v1.Frame
             * @static
             * @param {isthmus.v1.Frame.$Properties=} [properties] Properties to set
             * @returns {isthmus.v1.Frame} Frame instance
             * @type {{
             *   (properties: isthmus.v1.Frame.$Shape): isthmus.v1.Frame & isthmus.v1.Frame.$Shape;
             *   (properties?: isthmus.v1.Frame.$Properties): isthmus.v1.Frame;
             * }}
             */
            Frame.create = function(properties) {
                return new Frame(properties);
            };

            /**
             * Encodes the specified Frame message. Does not implicitly {@link isthmus.v1.Frame.verify|verify} messages.
             * @function encode
             * @memberof isthmus.v1.Frame
             * @static
             * @param {isthmus.v1.Frame.$Properties} message Frame message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Frame.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.hello != null && $Object.hasOwnProperty.call(message, "hello"))
                    $root.isthmus.v1.Hello.encode(message.hello, writer.uint32(/* id 1, wireType 2 =*/10).fork(), _depth + 1).ldelim();
                if (message.welcome != null && $Object.hasOwnProperty.call(message, "welcome"))
                    $root.isthmus.v1.Welcome.encode(message.welcome, writer.uint32(/* id 2, wireType 2 =*/18).fork(), _depth + 1).ldelim();
                if (message.batch != null && $Object.hasOwnProperty.call(message, "batch"))
                    $root.isthmus.v1.Batch.encode(message.batch, writer.uint32(/* id 3, wireType 2 =*/26).fork(), _depth + 1).ldelim();
                if (message.ack != null && $Object.hasOwnProperty.call(message, "ack"))
                    $root.isthmus.v1.Ack.encode(message.ack, writer.uint32(/* id 4, wireType 2 =*/34).fork(), _depth + 1).ldelim();
                if (message.ping != null && $Object.hasOwnProperty.call(message, "ping"))
                    $root.isthmus.v1.Ping.encode(message.ping, writer.uint32(/* id 5, wireType 2 =*/42).fork(), _depth + 1).ldelim();
                if (message.pong != null && $Object.hasOwnProperty.call(message, "pong"))
                    $root.isthmus.v1.Pong.encode(message.pong, writer.uint32(/* id 6, wireType 2 =*/50).fork(), _depth + 1).ldelim();
                if (message.goAway != null && $Object.hasOwnProperty.call(message, "goAway"))
                    $root.isthmus.v1.GoAway.encode(message.goAway, writer.uint32(/* id 7, wireType 2 =*/58).fork(), _depth + 1).ldelim();
                if (message.renewToken != null && $Object.hasOwnProperty.call(message, "renewToken"))
                    $root.isthmus.v1.RenewToken.encode(message.renewToken, writer.uint32(/* id 12, wireType 2 =*/98).fork(), _depth + 1).ldelim();
                if (message.tokenRenewed != null && $Object.hasOwnProperty.call(message, "tokenRenewed"))
                    $root.isthmus.v1.TokenRenewed.encode(message.tokenRenewed, writer.uint32(/* id 13, wireType 2 =*/106).fork(), _depth + 1).ldelim();
                if (message.streamOpen != null && $Object.hasOwnProperty.call(message, "streamOpen"))
                    $root.isthmus.v1.StreamOpen.encode(message.streamOpen, writer.uint32(/* id 16, wireType 2 =*/130).fork(), _depth + 1).ldelim();
                if (message.streamOk != null && $Object.hasOwnProperty.call(message, "streamOk"))
                    $root.isthmus.v1.StreamOk.encode(message.streamOk, writer.uint32(/* id 17, wireType 2 =*/138).fork(), _depth + 1).ldelim();
                if (message.streamFail != null && $Object.hasOwnProperty.call(message, "streamFail"))
                    $root.isthmus.v1.StreamFail.encode(message.streamFail, writer.uint32(/* id 18, wireType 2 =*/146).fork(), _depth + 1).ldelim();
                if (message.streamData != null && $Object.hasOwnProperty.call(message, "streamData"))
                    $root.isthmus.v1.StreamData.encode(message.streamData, writer.uint32(/* id 19, wireType 2 =*/154).fork(), _depth + 1).ldelim();
                if (message.streamWindow != null && $Object.hasOwnProperty.call(message, "streamWindow"))
                    $root.isthmus.v1.StreamWindow.encode(message.streamWindow, writer.uint32(/* id 20, wireType 2 =*/162).fork(), _depth + 1).ldelim();
                if (message.streamFin != null && $Object.hasOwnProperty.call(message, "streamFin"))
                    $root.isthmus.v1.StreamFin.encode(message.streamFin, writer.uint32(/* id 21, wireType 2 =*/170).fork(), _depth + 1).ldelim();
                if (message.streamReset != null && $Object.hasOwnProperty.call(message, "streamReset"))
                    $root.isthmus.v1.StreamReset.encode(message.streamReset, writer.uint32(/* id 22, wireType 2 =*/178).fork(), _depth + 1).ldelim();
                if (message.streamExit != null && $Object.hasOwnProperty.call(message, "streamExit"))
                    $root.isthmus.v1.StreamExit.encode(message.streamExit, writer.uint32(/* id 23, wireType 2 =*/186).fork(), _depth + 1).ldelim();
                if (message.streamResize != null && $Object.hasOwnProperty.call(message, "streamResize"))
                    $root.isthmus.v1.StreamResize.encode(message.streamResize, writer.uint32(/* id 24, wireType 2 =*/194).fork(), _depth + 1).ldelim();
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a Frame message from the specified reader or buffer.
             * @function decode
             * @memberof isthmus.v1.Frame
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {isthmus.v1.Frame & isthmus.v1.Frame.$Shape} Frame
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Frame.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.isthmus.v1.Frame();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            message.hello = $root.isthmus.v1.Hello.decode(reader, reader.size(), $undefined, _depth + 1, message.hello);
                            message.body = "hello";
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            message.welcome = $root.isthmus.v1.Welcome.decode(reader, reader.size(), $undefined, _depth + 1, message.welcome);
                            message.body = "welcome";
                            continue;
                        }
                    case 3: {
                            if (wireType !== 2)
                                break;
                            message.batch = $root.isthmus.v1.Batch.decode(reader, reader.size(), $undefined, _depth + 1, message.batch);
                            message.body = "batch";
                            continue;
                        }
                    case 4: {
                            if (wireType !== 2)
                                break;
                            message.ack = $root.isthmus.v1.Ack.decode(reader, reader.size(), $undefined, _depth + 1, message.ack);
                            message.body = "ack";
                            continue;
                        }
                    case 5: {
                            if (wireType !== 2)
                                break;
                            message.ping = $root.isthmus.v1.Ping.decode(reader, reader.size(), $undefined, _depth + 1, message.ping);
                            message.body = "ping";
                            continue;
                        }
                    case 6: {
                            if (wireType !== 2)
                                break;
                            message.pong = $root.isthmus.v1.Pong.decode(reader, reader.size(), $undefined, _depth + 1, message.pong);
                            message.body = "pong";
                            continue;
                        }
                    case 7: {
                            if (wireType !== 2)
                                break;
                            message.goAway = $root.isthmus.v1.GoAway.decode(reader, reader.size(), $undefined, _depth + 1, message.goAway);
                            message.body = "goAway";
                            continue;
                        }
                    case 12: {
                            if (wireType !== 2)
                                break;
                            message.renewToken = $root.isthmus.v1.RenewToken.decode(reader, reader.size(), $undefined, _depth + 1, message.renewToken);
                            message.body = "renewToken";
                            continue;
                        }
                    case 13: {
                            if (wireType !== 2)
                                break;
                            message.tokenRenewed = $root.isthmus.v1.TokenRenewed.decode(reader, reader.size(), $undefined, _depth + 1, message.tokenRenewed);
                            message.body = "tokenRenewed";
                            continue;
                        }
                    case 16: {
                            if (wireType !== 2)
                                break;
                            message.streamOpen = $root.isthmus.v1.StreamOpen.decode(reader, reader.size(), $undefined, _depth + 1, message.streamOpen);
                            message.body = "streamOpen";
                            continue;
                        }
                    case 17: {
                            if (wireType !== 2)
                                break;
                            message.streamOk = $root.isthmus.v1.StreamOk.decode(reader, reader.size(), $undefined, _depth + 1, message.streamOk);
                            message.body = "streamOk";
                            continue;
                        }
                    case 18: {
                            if (wireType !== 2)
                                break;
                            message.streamFail = $root.isthmus.v1.StreamFail.decode(reader, reader.size(), $undefined, _depth + 1, message.streamFail);
                            message.body = "streamFail";
                            continue;
                        }
                    case 19: {
                            if (wireType !== 2)
                                break;
                            message.streamData = $root.isthmus.v1.StreamData.decode(reader, reader.size(), $undefined, _depth + 1, message.streamData);
                            message.body = "streamData";
                            continue;
                        }
                    case 20: {
                            if (wireType !== 2)
                                break;
                            message.streamWindow = $root.isthmus.v1.StreamWindow.decode(reader, reader.size(), $undefined, _depth + 1, message.streamWindow);
                            message.body = "streamWindow";
                            continue;
                        }
                    case 21: {
                            if (wireType !== 2)
                                break;
                            message.streamFin = $root.isthmus.v1.StreamFin.decode(reader, reader.size(), $undefined, _depth + 1, message.streamFin);
                            message.body = "streamFin";
                            continue;
                        }
                    case 22: {
                            if (wireType !== 2)
                                break;
                            message.streamReset = $root.isthmus.v1.StreamReset.decode(reader, reader.size(), $undefined, _depth + 1, message.streamReset);
                            message.body = "streamReset";
                            continue;
                        }
                    case 23: {
                            if (wireType !== 2)
                                break;
                            message.streamExit = $root.isthmus.v1.StreamExit.decode(reader, reader.size(), $undefined, _depth + 1, message.streamExit);
                            message.body = "streamExit";
                            continue;
                        }
                    case 24: {
                            if (wireType !== 2)
                                break;
                            message.streamResize = $root.isthmus.v1.StreamResize.decode(reader, reader.size(), $undefined, _depth + 1, message.streamResize);
                            message.body = "streamResize";
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            return Frame;
        })();

        v1.StreamOpen = (function() {

            /**
             * Properties of a StreamOpen.
             * @typedef {Object} isthmus.v1.StreamOpen.$Properties
             * @property {number|null} [id] StreamOpen id
             * @property {string|null} [kind] StreamOpen kind
             * @property {Uint8Array|null} [params] StreamOpen params
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a StreamOpen.
             * @memberof isthmus.v1
             * @interface IStreamOpen
             * @augments isthmus.v1.StreamOpen.$Properties
             * @deprecated Use isthmus.v1.StreamOpen.$Properties instead.
             */

            /**
             * Shape of a StreamOpen.
             * @typedef {isthmus.v1.StreamOpen.$Properties} isthmus.v1.StreamOpen.$Shape
             */

            /**
             * Constructs a new StreamOpen.
             * @memberof isthmus.v1
             * @classdesc Represents a StreamOpen.
             * @constructor
             * @param {isthmus.v1.StreamOpen.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const StreamOpen = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * StreamOpen id.
             * @member {number} id
             * @memberof isthmus.v1.StreamOpen
             * @instance
             */
            StreamOpen.prototype.id = 0;

            /**
             * StreamOpen kind.
             * @member {string} kind
             * @memberof isthmus.v1.StreamOpen
             * @instance
             */
            StreamOpen.prototype.kind = "";

            /**
             * StreamOpen params.
             * @member {Uint8Array} params
             * @memberof isthmus.v1.StreamOpen
             * @instance
             */
            StreamOpen.prototype.params = $util.newBuffer([]);

            /**
             * Creates a new StreamOpen instance using the specified properties.
             * @function create
             * @memberof isthmus.v1.StreamOpen
             * @static
             * @param {isthmus.v1.StreamOpen.$Properties=} [properties] Properties to set
             * @returns {isthmus.v1.StreamOpen} StreamOpen instance
             * @type {{
             *   (properties: isthmus.v1.StreamOpen.$Shape): isthmus.v1.StreamOpen & isthmus.v1.StreamOpen.$Shape;
             *   (properties?: isthmus.v1.StreamOpen.$Properties): isthmus.v1.StreamOpen;
             * }}
             */
            StreamOpen.create = function(properties) {
                return new StreamOpen(properties);
            };

            /**
             * Encodes the specified StreamOpen message. Does not implicitly {@link isthmus.v1.StreamOpen.verify|verify} messages.
             * @function encode
             * @memberof isthmus.v1.StreamOpen
             * @static
             * @param {isthmus.v1.StreamOpen.$Properties} message StreamOpen message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            StreamOpen.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.id != null && $Object.hasOwnProperty.call(message, "id") && message.id !== 0)
                    writer.uint32(/* id 1, wireType 0 =*/8).uint32(message.id);
                if (message.kind != null && $Object.hasOwnProperty.call(message, "kind") && message.kind !== "")
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.kind);
                if (message.params != null && $Object.hasOwnProperty.call(message, "params") && message.params.length)
                    writer.uint32(/* id 3, wireType 2 =*/26).bytes(message.params);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a StreamOpen message from the specified reader or buffer.
             * @function decode
             * @memberof isthmus.v1.StreamOpen
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {isthmus.v1.StreamOpen & isthmus.v1.StreamOpen.$Shape} StreamOpen
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            StreamOpen.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.isthmus.v1.StreamOpen();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.id = value;
                            else
                                delete message.id;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.kind = value;
                            else
                                delete message.kind;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.bytes()).length)
                                message.params = value;
                            else
                                delete message.params;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            return StreamOpen;
        })();

        v1.StreamOk = (function() {

            /**
             * Properties of a StreamOk.
             * @typedef {Object} isthmus.v1.StreamOk.$Properties
             * @property {number|null} [id] StreamOk id
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a StreamOk.
             * @memberof isthmus.v1
             * @interface IStreamOk
             * @augments isthmus.v1.StreamOk.$Properties
             * @deprecated Use isthmus.v1.StreamOk.$Properties instead.
             */

            /**
             * Shape of a StreamOk.
             * @typedef {isthmus.v1.StreamOk.$Properties} isthmus.v1.StreamOk.$Shape
             */

            /**
             * Constructs a new StreamOk.
             * @memberof isthmus.v1
             * @classdesc Represents a StreamOk.
             * @constructor
             * @param {isthmus.v1.StreamOk.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const StreamOk = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * StreamOk id.
             * @member {number} id
             * @memberof isthmus.v1.StreamOk
             * @instance
             */
            StreamOk.prototype.id = 0;

            /**
             * Creates a new StreamOk instance using the specified properties.
             * @function create
             * @memberof isthmus.v1.StreamOk
             * @static
             * @param {isthmus.v1.StreamOk.$Properties=} [properties] Properties to set
             * @returns {isthmus.v1.StreamOk} StreamOk instance
             * @type {{
             *   (properties: isthmus.v1.StreamOk.$Shape): isthmus.v1.StreamOk & isthmus.v1.StreamOk.$Shape;
             *   (properties?: isthmus.v1.StreamOk.$Properties): isthmus.v1.StreamOk;
             * }}
             */
            StreamOk.create = function(properties) {
                return new StreamOk(properties);
            };

            /**
             * Encodes the specified StreamOk message. Does not implicitly {@link isthmus.v1.StreamOk.verify|verify} messages.
             * @function encode
             * @memberof isthmus.v1.StreamOk
             * @static
             * @param {isthmus.v1.StreamOk.$Properties} message StreamOk message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            StreamOk.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.id != null && $Object.hasOwnProperty.call(message, "id") && message.id !== 0)
                    writer.uint32(/* id 1, wireType 0 =*/8).uint32(message.id);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a StreamOk message from the specified reader or buffer.
             * @function decode
             * @memberof isthmus.v1.StreamOk
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {isthmus.v1.StreamOk & isthmus.v1.StreamOk.$Shape} StreamOk
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            StreamOk.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.isthmus.v1.StreamOk();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.id = value;
                            else
                                delete message.id;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            return StreamOk;
        })();

        v1.StreamFail = (function() {

            /**
             * Properties of a StreamFail.
             * @typedef {Object} isthmus.v1.StreamFail.$Properties
             * @property {number|null} [id] StreamFail id
             * @property {number|null} [code] StreamFail code
             * @property {string|null} [message] StreamFail message
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a StreamFail.
             * @memberof isthmus.v1
             * @interface IStreamFail
             * @augments isthmus.v1.StreamFail.$Properties
             * @deprecated Use isthmus.v1.StreamFail.$Properties instead.
             */

            /**
             * Shape of a StreamFail.
             * @typedef {isthmus.v1.StreamFail.$Properties} isthmus.v1.StreamFail.$Shape
             */

            /**
             * Constructs a new StreamFail.
             * @memberof isthmus.v1
             * @classdesc Represents a StreamFail.
             * @constructor
             * @param {isthmus.v1.StreamFail.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const StreamFail = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * StreamFail id.
             * @member {number} id
             * @memberof isthmus.v1.StreamFail
             * @instance
             */
            StreamFail.prototype.id = 0;

            /**
             * StreamFail code.
             * @member {number} code
             * @memberof isthmus.v1.StreamFail
             * @instance
             */
            StreamFail.prototype.code = 0;

            /**
             * StreamFail message.
             * @member {string} message
             * @memberof isthmus.v1.StreamFail
             * @instance
             */
            StreamFail.prototype.message = "";

            /**
             * Creates a new StreamFail instance using the specified properties.
             * @function create
             * @memberof isthmus.v1.StreamFail
             * @static
             * @param {isthmus.v1.StreamFail.$Properties=} [properties] Properties to set
             * @returns {isthmus.v1.StreamFail} StreamFail instance
             * @type {{
             *   (properties: isthmus.v1.StreamFail.$Shape): isthmus.v1.StreamFail & isthmus.v1.StreamFail.$Shape;
             *   (properties?: isthmus.v1.StreamFail.$Properties): isthmus.v1.StreamFail;
             * }}
             */
            StreamFail.create = function(properties) {
                return new StreamFail(properties);
            };

            /**
             * Encodes the specified StreamFail message. Does not implicitly {@link isthmus.v1.StreamFail.verify|verify} messages.
             * @function encode
             * @memberof isthmus.v1.StreamFail
             * @static
             * @param {isthmus.v1.StreamFail.$Properties} message StreamFail message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            StreamFail.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.id != null && $Object.hasOwnProperty.call(message, "id") && message.id !== 0)
                    writer.uint32(/* id 1, wireType 0 =*/8).uint32(message.id);
                if (message.code != null && $Object.hasOwnProperty.call(message, "code") && message.code !== 0)
                    writer.uint32(/* id 2, wireType 0 =*/16).uint32(message.code);
                if (message.message != null && $Object.hasOwnProperty.call(message, "message") && message.message !== "")
                    writer.uint32(/* id 3, wireType 2 =*/26).string(message.message);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a StreamFail message from the specified reader or buffer.
             * @function decode
             * @memberof isthmus.v1.StreamFail
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {isthmus.v1.StreamFail & isthmus.v1.StreamFail.$Shape} StreamFail
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            StreamFail.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.isthmus.v1.StreamFail();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.id = value;
                            else
                                delete message.id;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.code = value;
                            else
                                delete message.code;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.message = value;
                            else
                                delete message.message;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            return StreamFail;
        })();

        v1.StreamData = (function() {

            /**
             * Properties of a StreamData.
             * @typedef {Object} isthmus.v1.StreamData.$Properties
             * @property {number|null} [id] StreamData id
             * @property {number|null} [channel] StreamData channel
             * @property {Uint8Array|null} [data] StreamData data
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a StreamData.
             * @memberof isthmus.v1
             * @interface IStreamData
             * @augments isthmus.v1.StreamData.$Properties
             * @deprecated Use isthmus.v1.StreamData.$Properties instead.
             */

            /**
             * Shape of a StreamData.
             * @typedef {isthmus.v1.StreamData.$Properties} isthmus.v1.StreamData.$Shape
             */

            /**
             * Constructs a new StreamData.
             * @memberof isthmus.v1
             * @classdesc Represents a StreamData.
             * @constructor
             * @param {isthmus.v1.StreamData.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const StreamData = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * StreamData id.
             * @member {number} id
             * @memberof isthmus.v1.StreamData
             * @instance
             */
            StreamData.prototype.id = 0;

            /**
             * StreamData channel.
             * @member {number} channel
             * @memberof isthmus.v1.StreamData
             * @instance
             */
            StreamData.prototype.channel = 0;

            /**
             * StreamData data.
             * @member {Uint8Array} data
             * @memberof isthmus.v1.StreamData
             * @instance
             */
            StreamData.prototype.data = $util.newBuffer([]);

            /**
             * Creates a new StreamData instance using the specified properties.
             * @function create
             * @memberof isthmus.v1.StreamData
             * @static
             * @param {isthmus.v1.StreamData.$Properties=} [properties] Properties to set
             * @returns {isthmus.v1.StreamData} StreamData instance
             * @type {{
             *   (properties: isthmus.v1.StreamData.$Shape): isthmus.v1.StreamData & isthmus.v1.StreamData.$Shape;
             *   (properties?: isthmus.v1.StreamData.$Properties): isthmus.v1.StreamData;
             * }}
             */
            StreamData.create = function(properties) {
                return new StreamData(properties);
            };

            /**
             * Encodes the specified StreamData message. Does not implicitly {@link isthmus.v1.StreamData.verify|verify} messages.
             * @function encode
             * @memberof isthmus.v1.StreamData
             * @static
             * @param {isthmus.v1.StreamData.$Properties} message StreamData message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            StreamData.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.id != null && $Object.hasOwnProperty.call(message, "id") && message.id !== 0)
                    writer.uint32(/* id 1, wireType 0 =*/8).uint32(message.id);
                if (message.channel != null && $Object.hasOwnProperty.call(message, "channel") && message.channel !== 0)
                    writer.uint32(/* id 2, wireType 0 =*/16).uint32(message.channel);
                if (message.data != null && $Object.hasOwnProperty.call(message, "data") && message.data.length)
                    writer.uint32(/* id 3, wireType 2 =*/26).bytes(message.data);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a StreamData message from the specified reader or buffer.
             * @function decode
             * @memberof isthmus.v1.StreamData
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {isthmus.v1.StreamData & isthmus.v1.StreamData.$Shape} StreamData
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            StreamData.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.isthmus.v1.StreamData();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.id = value;
                            else
                                delete message.id;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.channel = value;
                            else
                                delete message.channel;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.bytes()).length)
                                message.data = value;
                            else
                                delete message.data;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            return StreamData;
        })();

        v1.StreamWindow = (function() {

            /**
             * Properties of a StreamWindow.
             * @typedef {Object} isthmus.v1.StreamWindow.$Properties
             * @property {number|null} [id] StreamWindow id
             * @property {number|null} [increment] StreamWindow increment
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a StreamWindow.
             * @memberof isthmus.v1
             * @interface IStreamWindow
             * @augments isthmus.v1.StreamWindow.$Properties
             * @deprecated Use isthmus.v1.StreamWindow.$Properties instead.
             */

            /**
             * Shape of a StreamWindow.
             * @typedef {isthmus.v1.StreamWindow.$Properties} isthmus.v1.StreamWindow.$Shape
             */

            /**
             * Constructs a new StreamWindow.
             * @memberof isthmus.v1
             * @classdesc Represents a StreamWindow.
             * @constructor
             * @param {isthmus.v1.StreamWindow.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const StreamWindow = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * StreamWindow id.
             * @member {number} id
             * @memberof isthmus.v1.StreamWindow
             * @instance
             */
            StreamWindow.prototype.id = 0;

            /**
             * StreamWindow increment.
             * @member {number} increment
             * @memberof isthmus.v1.StreamWindow
             * @instance
             */
            StreamWindow.prototype.increment = 0;

            /**
             * Creates a new StreamWindow instance using the specified properties.
             * @function create
             * @memberof isthmus.v1.StreamWindow
             * @static
             * @param {isthmus.v1.StreamWindow.$Properties=} [properties] Properties to set
             * @returns {isthmus.v1.StreamWindow} StreamWindow instance
             * @type {{
             *   (properties: isthmus.v1.StreamWindow.$Shape): isthmus.v1.StreamWindow & isthmus.v1.StreamWindow.$Shape;
             *   (properties?: isthmus.v1.StreamWindow.$Properties): isthmus.v1.StreamWindow;
             * }}
             */
            StreamWindow.create = function(properties) {
                return new StreamWindow(properties);
            };

            /**
             * Encodes the specified StreamWindow message. Does not implicitly {@link isthmus.v1.StreamWindow.verify|verify} messages.
             * @function encode
             * @memberof isthmus.v1.StreamWindow
             * @static
             * @param {isthmus.v1.StreamWindow.$Properties} message StreamWindow message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            StreamWindow.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.id != null && $Object.hasOwnProperty.call(message, "id") && message.id !== 0)
                    writer.uint32(/* id 1, wireType 0 =*/8).uint32(message.id);
                if (message.increment != null && $Object.hasOwnProperty.call(message, "increment") && message.increment !== 0)
                    writer.uint32(/* id 2, wireType 0 =*/16).uint32(message.increment);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a StreamWindow message from the specified reader or buffer.
             * @function decode
             * @memberof isthmus.v1.StreamWindow
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {isthmus.v1.StreamWindow & isthmus.v1.StreamWindow.$Shape} StreamWindow
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            StreamWindow.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.isthmus.v1.StreamWindow();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.id = value;
                            else
                                delete message.id;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.increment = value;
                            else
                                delete message.increment;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            return StreamWindow;
        })();

        v1.StreamFin = (function() {

            /**
             * Properties of a StreamFin.
             * @typedef {Object} isthmus.v1.StreamFin.$Properties
             * @property {number|null} [id] StreamFin id
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a StreamFin.
             * @memberof isthmus.v1
             * @interface IStreamFin
             * @augments isthmus.v1.StreamFin.$Properties
             * @deprecated Use isthmus.v1.StreamFin.$Properties instead.
             */

            /**
             * Shape of a StreamFin.
             * @typedef {isthmus.v1.StreamFin.$Properties} isthmus.v1.StreamFin.$Shape
             */

            /**
             * Constructs a new StreamFin.
             * @memberof isthmus.v1
             * @classdesc Represents a StreamFin.
             * @constructor
             * @param {isthmus.v1.StreamFin.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const StreamFin = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * StreamFin id.
             * @member {number} id
             * @memberof isthmus.v1.StreamFin
             * @instance
             */
            StreamFin.prototype.id = 0;

            /**
             * Creates a new StreamFin instance using the specified properties.
             * @function create
             * @memberof isthmus.v1.StreamFin
             * @static
             * @param {isthmus.v1.StreamFin.$Properties=} [properties] Properties to set
             * @returns {isthmus.v1.StreamFin} StreamFin instance
             * @type {{
             *   (properties: isthmus.v1.StreamFin.$Shape): isthmus.v1.StreamFin & isthmus.v1.StreamFin.$Shape;
             *   (properties?: isthmus.v1.StreamFin.$Properties): isthmus.v1.StreamFin;
             * }}
             */
            StreamFin.create = function(properties) {
                return new StreamFin(properties);
            };

            /**
             * Encodes the specified StreamFin message. Does not implicitly {@link isthmus.v1.StreamFin.verify|verify} messages.
             * @function encode
             * @memberof isthmus.v1.StreamFin
             * @static
             * @param {isthmus.v1.StreamFin.$Properties} message StreamFin message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            StreamFin.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.id != null && $Object.hasOwnProperty.call(message, "id") && message.id !== 0)
                    writer.uint32(/* id 1, wireType 0 =*/8).uint32(message.id);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a StreamFin message from the specified reader or buffer.
             * @function decode
             * @memberof isthmus.v1.StreamFin
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {isthmus.v1.StreamFin & isthmus.v1.StreamFin.$Shape} StreamFin
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            StreamFin.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.isthmus.v1.StreamFin();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.id = value;
                            else
                                delete message.id;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            return StreamFin;
        })();

        v1.StreamReset = (function() {

            /**
             * Properties of a StreamReset.
             * @typedef {Object} isthmus.v1.StreamReset.$Properties
             * @property {number|null} [id] StreamReset id
             * @property {number|null} [code] StreamReset code
             * @property {string|null} [message] StreamReset message
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a StreamReset.
             * @memberof isthmus.v1
             * @interface IStreamReset
             * @augments isthmus.v1.StreamReset.$Properties
             * @deprecated Use isthmus.v1.StreamReset.$Properties instead.
             */

            /**
             * Shape of a StreamReset.
             * @typedef {isthmus.v1.StreamReset.$Properties} isthmus.v1.StreamReset.$Shape
             */

            /**
             * Constructs a new StreamReset.
             * @memberof isthmus.v1
             * @classdesc Represents a StreamReset.
             * @constructor
             * @param {isthmus.v1.StreamReset.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const StreamReset = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * StreamReset id.
             * @member {number} id
             * @memberof isthmus.v1.StreamReset
             * @instance
             */
            StreamReset.prototype.id = 0;

            /**
             * StreamReset code.
             * @member {number} code
             * @memberof isthmus.v1.StreamReset
             * @instance
             */
            StreamReset.prototype.code = 0;

            /**
             * StreamReset message.
             * @member {string} message
             * @memberof isthmus.v1.StreamReset
             * @instance
             */
            StreamReset.prototype.message = "";

            /**
             * Creates a new StreamReset instance using the specified properties.
             * @function create
             * @memberof isthmus.v1.StreamReset
             * @static
             * @param {isthmus.v1.StreamReset.$Properties=} [properties] Properties to set
             * @returns {isthmus.v1.StreamReset} StreamReset instance
             * @type {{
             *   (properties: isthmus.v1.StreamReset.$Shape): isthmus.v1.StreamReset & isthmus.v1.StreamReset.$Shape;
             *   (properties?: isthmus.v1.StreamReset.$Properties): isthmus.v1.StreamReset;
             * }}
             */
            StreamReset.create = function(properties) {
                return new StreamReset(properties);
            };

            /**
             * Encodes the specified StreamReset message. Does not implicitly {@link isthmus.v1.StreamReset.verify|verify} messages.
             * @function encode
             * @memberof isthmus.v1.StreamReset
             * @static
             * @param {isthmus.v1.StreamReset.$Properties} message StreamReset message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            StreamReset.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.id != null && $Object.hasOwnProperty.call(message, "id") && message.id !== 0)
                    writer.uint32(/* id 1, wireType 0 =*/8).uint32(message.id);
                if (message.code != null && $Object.hasOwnProperty.call(message, "code") && message.code !== 0)
                    writer.uint32(/* id 2, wireType 0 =*/16).uint32(message.code);
                if (message.message != null && $Object.hasOwnProperty.call(message, "message") && message.message !== "")
                    writer.uint32(/* id 3, wireType 2 =*/26).string(message.message);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a StreamReset message from the specified reader or buffer.
             * @function decode
             * @memberof isthmus.v1.StreamReset
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {isthmus.v1.StreamReset & isthmus.v1.StreamReset.$Shape} StreamReset
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            StreamReset.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.isthmus.v1.StreamReset();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.id = value;
                            else
                                delete message.id;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.code = value;
                            else
                                delete message.code;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.message = value;
                            else
                                delete message.message;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            return StreamReset;
        })();

        v1.StreamExit = (function() {

            /**
             * Properties of a StreamExit.
             * @typedef {Object} isthmus.v1.StreamExit.$Properties
             * @property {number|null} [id] StreamExit id
             * @property {number|null} [exitCode] StreamExit exitCode
             * @property {string|null} [signal] StreamExit signal
             * @property {string|null} [message] StreamExit message
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a StreamExit.
             * @memberof isthmus.v1
             * @interface IStreamExit
             * @augments isthmus.v1.StreamExit.$Properties
             * @deprecated Use isthmus.v1.StreamExit.$Properties instead.
             */

            /**
             * Shape of a StreamExit.
             * @typedef {isthmus.v1.StreamExit.$Properties} isthmus.v1.StreamExit.$Shape
             */

            /**
             * Constructs a new StreamExit.
             * @memberof isthmus.v1
             * @classdesc Represents a StreamExit.
             * @constructor
             * @param {isthmus.v1.StreamExit.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const StreamExit = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * StreamExit id.
             * @member {number} id
             * @memberof isthmus.v1.StreamExit
             * @instance
             */
            StreamExit.prototype.id = 0;

            /**
             * StreamExit exitCode.
             * @member {number} exitCode
             * @memberof isthmus.v1.StreamExit
             * @instance
             */
            StreamExit.prototype.exitCode = 0;

            /**
             * StreamExit signal.
             * @member {string} signal
             * @memberof isthmus.v1.StreamExit
             * @instance
             */
            StreamExit.prototype.signal = "";

            /**
             * StreamExit message.
             * @member {string} message
             * @memberof isthmus.v1.StreamExit
             * @instance
             */
            StreamExit.prototype.message = "";

            /**
             * Creates a new StreamExit instance using the specified properties.
             * @function create
             * @memberof isthmus.v1.StreamExit
             * @static
             * @param {isthmus.v1.StreamExit.$Properties=} [properties] Properties to set
             * @returns {isthmus.v1.StreamExit} StreamExit instance
             * @type {{
             *   (properties: isthmus.v1.StreamExit.$Shape): isthmus.v1.StreamExit & isthmus.v1.StreamExit.$Shape;
             *   (properties?: isthmus.v1.StreamExit.$Properties): isthmus.v1.StreamExit;
             * }}
             */
            StreamExit.create = function(properties) {
                return new StreamExit(properties);
            };

            /**
             * Encodes the specified StreamExit message. Does not implicitly {@link isthmus.v1.StreamExit.verify|verify} messages.
             * @function encode
             * @memberof isthmus.v1.StreamExit
             * @static
             * @param {isthmus.v1.StreamExit.$Properties} message StreamExit message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            StreamExit.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.id != null && $Object.hasOwnProperty.call(message, "id") && message.id !== 0)
                    writer.uint32(/* id 1, wireType 0 =*/8).uint32(message.id);
                if (message.exitCode != null && $Object.hasOwnProperty.call(message, "exitCode") && message.exitCode !== 0)
                    writer.uint32(/* id 2, wireType 0 =*/16).int32(message.exitCode);
                if (message.signal != null && $Object.hasOwnProperty.call(message, "signal") && message.signal !== "")
                    writer.uint32(/* id 3, wireType 2 =*/26).string(message.signal);
                if (message.message != null && $Object.hasOwnProperty.call(message, "message") && message.message !== "")
                    writer.uint32(/* id 4, wireType 2 =*/34).string(message.message);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a StreamExit message from the specified reader or buffer.
             * @function decode
             * @memberof isthmus.v1.StreamExit
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {isthmus.v1.StreamExit & isthmus.v1.StreamExit.$Shape} StreamExit
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            StreamExit.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.isthmus.v1.StreamExit();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.id = value;
                            else
                                delete message.id;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.int32())
                                message.exitCode = value;
                            else
                                delete message.exitCode;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.signal = value;
                            else
                                delete message.signal;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.message = value;
                            else
                                delete message.message;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            return StreamExit;
        })();

        v1.StreamResize = (function() {

            /**
             * Properties of a StreamResize.
             * @typedef {Object} isthmus.v1.StreamResize.$Properties
             * @property {number|null} [id] StreamResize id
             * @property {number|null} [cols] StreamResize cols
             * @property {number|null} [rows] StreamResize rows
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a StreamResize.
             * @memberof isthmus.v1
             * @interface IStreamResize
             * @augments isthmus.v1.StreamResize.$Properties
             * @deprecated Use isthmus.v1.StreamResize.$Properties instead.
             */

            /**
             * Shape of a StreamResize.
             * @typedef {isthmus.v1.StreamResize.$Properties} isthmus.v1.StreamResize.$Shape
             */

            /**
             * Constructs a new StreamResize.
             * @memberof isthmus.v1
             * @classdesc Represents a StreamResize.
             * @constructor
             * @param {isthmus.v1.StreamResize.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const StreamResize = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * StreamResize id.
             * @member {number} id
             * @memberof isthmus.v1.StreamResize
             * @instance
             */
            StreamResize.prototype.id = 0;

            /**
             * StreamResize cols.
             * @member {number} cols
             * @memberof isthmus.v1.StreamResize
             * @instance
             */
            StreamResize.prototype.cols = 0;

            /**
             * StreamResize rows.
             * @member {number} rows
             * @memberof isthmus.v1.StreamResize
             * @instance
             */
            StreamResize.prototype.rows = 0;

            /**
             * Creates a new StreamResize instance using the specified properties.
             * @function create
             * @memberof isthmus.v1.StreamResize
             * @static
             * @param {isthmus.v1.StreamResize.$Properties=} [properties] Properties to set
             * @returns {isthmus.v1.StreamResize} StreamResize instance
             * @type {{
             *   (properties: isthmus.v1.StreamResize.$Shape): isthmus.v1.StreamResize & isthmus.v1.StreamResize.$Shape;
             *   (properties?: isthmus.v1.StreamResize.$Properties): isthmus.v1.StreamResize;
             * }}
             */
            StreamResize.create = function(properties) {
                return new StreamResize(properties);
            };

            /**
             * Encodes the specified StreamResize message. Does not implicitly {@link isthmus.v1.StreamResize.verify|verify} messages.
             * @function encode
             * @memberof isthmus.v1.StreamResize
             * @static
             * @param {isthmus.v1.StreamResize.$Properties} message StreamResize message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            StreamResize.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.id != null && $Object.hasOwnProperty.call(message, "id") && message.id !== 0)
                    writer.uint32(/* id 1, wireType 0 =*/8).uint32(message.id);
                if (message.cols != null && $Object.hasOwnProperty.call(message, "cols") && message.cols !== 0)
                    writer.uint32(/* id 2, wireType 0 =*/16).uint32(message.cols);
                if (message.rows != null && $Object.hasOwnProperty.call(message, "rows") && message.rows !== 0)
                    writer.uint32(/* id 3, wireType 0 =*/24).uint32(message.rows);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a StreamResize message from the specified reader or buffer.
             * @function decode
             * @memberof isthmus.v1.StreamResize
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {isthmus.v1.StreamResize & isthmus.v1.StreamResize.$Shape} StreamResize
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            StreamResize.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.isthmus.v1.StreamResize();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.id = value;
                            else
                                delete message.id;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.cols = value;
                            else
                                delete message.cols;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.rows = value;
                            else
                                delete message.rows;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            return StreamResize;
        })();

        return v1;
    })();

    return isthmus;
})();

export {
  $root as default
};
