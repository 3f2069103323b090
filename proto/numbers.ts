/**
 * 64-bit fields decode to plain numbers (safe up to 2^53, checked by the codec)
 * instead of Long objects: no allocation per field on the hot path. Must run
 * before the generated code loads, since it bakes defaults in at load time.
 */
import $protobuf from 'protobufjs/minimal.js';

$protobuf.util.Long = null as never;
$protobuf.configure();
