// Public API of the cryptographic platform layer (pure: no database, no HTTP).
export type { JsonValue } from './canonical-json.ts';
export { CanonicalJsonError, canonicalJson, canonicalJsonBytes } from './canonical-json.ts';
export type { HashAlgorithm, Hasher, LeafHasher } from './hash.ts';
export {
  bytesEqual,
  createHasher,
  createLeafHasher,
  fromHex,
  HASH_ALGORITHMS,
  HASH_SIZE,
  hash,
  hashHex,
  hashParts,
  isHashAlgorithm,
  isHex,
  toHex,
  utf8,
} from './hash.ts';
export type { ConsistencyCheck, InclusionCheck } from './merkle.ts';
export {
  consistencyProof,
  emptyRoot,
  inclusionProof,
  isTreeIndex,
  leafHash,
  nodeHash,
  rootHash,
  verifyConsistency,
  verifyInclusion,
} from './merkle.ts';
export type { GetNode, GetNodes, MerkleNode, NodeRef, NodeSource } from './merkle-store.ts';
export {
  consistencyProofFromStore,
  consistencyProofNodes,
  inclusionProofFromStore,
  inclusionProofNodes,
  nodesCompletedByAppend,
  nodesCompletedByAppends,
  nodesNeededForAppend,
  perfectSubtrees,
  rootHashFromStore,
  rootHashNodes,
} from './merkle-store.ts';
export type { Sm2KeyPair, Sm2Options, Sm2Signer, Sm2Verifier } from './sm2.ts';
export {
  createSm2Signer,
  createSm2Verifier,
  generateSm2KeyPair,
  isValidSm2PublicKey,
  parseDerSignature,
  SM2_DEFAULT_USER_ID,
  sm2PublicKeyFromPem,
  sm2PublicKeyFromPrivateKey,
  sm2PublicKeyToPem,
  sm2PublicKeyToSpkiDer,
  sm2Sign,
  sm2Verify,
} from './sm2.ts';
