/**
 * Thrift compact-protocol type ids, as they appear in field headers and in list, set and map headers. Both the light
 * decoder (`thriftCompact.ts`) and the typed codec (`thriftTyped.ts`) switch on them.
 *
 * In a field header a boolean's value is its type: `Bool` (1) is true, `BoolFalse` (2) is false. As the element type of
 * a list, set or map, `Bool` names booleans and each element is a byte of its own (1 true, 2 false).
 */
export const CompactType = {
  Stop: 0,
  Bool: 1,
  BoolFalse: 2,
  Byte: 3,
  I16: 4,
  I32: 5,
  I64: 6,
  Double: 7,
  Binary: 8,
  List: 9,
  Set: 10,
  Map: 11,
  Struct: 12,
} as const;
