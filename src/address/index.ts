export { type AddressPart, type AddressParts, parseAddress, readSegments, segmentsOf } from './parse.js';
export { AddressReader } from './reader.js';
export { type AddressPlace, type AddressScope, placeAddress } from './resolve.js';
