// Signed tree heads: the platform's SM2 key, signing a head when the log grew, and reading them.
import { randomUUID } from 'node:crypto';
import { createSm2Signer, generateSm2KeyPair, rootHashFromStore, toHex } from '../crypto/index.ts';
import type { Db } from '../db/index.ts';
import { ledgerInfo } from './reads.ts';
import { type LedgerDeps, nodeSource } from './service-shared.ts';
import { SIGNATURE_ALGORITHM, type SignedTreeHead, treeHeadMessage } from './sth.ts';
import * as store from './store.ts';

export function headJson(r: store.HeadRow): SignedTreeHead {
  return {
    treeSize: r.treeSize,
    rootHash: toHex(r.rootHash),
    timestamp: r.timestamp.toISOString(),
    hashAlgorithm: r.hashAlgorithm as SignedTreeHead['hashAlgorithm'],
    signatureAlgorithm: r.signatureAlgorithm as typeof SIGNATURE_ALGORITHM,
    signature: r.signature,
    publicKey: r.publicKeyHex,
  };
}

const keyContext = (id: string) => `ledger-key:${id}`;

/** The platform's SM2 key pair for tree heads, created on first use; call under the signing lock. */
async function platformSigner(tx: Db, deps: LedgerDeps) {
  let row = await store.latestKey(tx);
  if (!row) {
    const pair = generateSm2KeyPair();
    const id = randomUUID();
    const sealed = deps.masterKey().seal(Buffer.from(pair.privateKeyHex, 'hex'), keyContext(id));
    row = await store.insertKey(tx, { id, publicKeyHex: pair.publicKeyHex, privateKeySealed: sealed });
  }
  const privateKeyHex = deps.masterKey().open(row.privateKeySealed, keyContext(row.id)).toString('hex');
  const signer = createSm2Signer(privateKeyHex);
  if (signer.publicKeyHex !== row.publicKeyHex)
    throw new Error('ledger key: sealed private key does not match');
  return signer;
}

/**
 * Signs a head for the current size unless the newest head already covers it. Heads are signed one
 * at a time (transaction-scoped advisory lock), so tree sizes and timestamps increase together.
 */
export async function signTreeHeadIfGrown(
  db: Db,
  deps: LedgerDeps,
): Promise<{ head: SignedTreeHead; signed: boolean }> {
  return db.transaction(async (tx) => {
    await store.lockSigning(tx);
    const { size, hashAlgorithm } = await ledgerInfo(tx, deps);
    const latest = await store.latestHead(tx);
    if (latest && latest.treeSize >= size) return { head: headJson(latest), signed: false };
    const root = await rootHashFromStore(hashAlgorithm, size, nodeSource(tx));
    const signer = await platformSigner(tx, deps);
    // Never earlier than the previous head, even if this host's clock is behind another's.
    const timestamp = new Date(Math.max(Date.now(), (latest?.timestamp.getTime() ?? 0) + 1));
    const head = { treeSize: size, rootHash: toHex(root), timestamp: timestamp.toISOString() };
    const signature = signer.sign(treeHeadMessage(head));
    await store.insertHead(tx, {
      treeSize: size,
      rootHash: root,
      timestamp,
      hashAlgorithm,
      signatureAlgorithm: SIGNATURE_ALGORITHM,
      signature,
      publicKeyHex: signer.publicKeyHex,
    });
    return {
      head: {
        ...head,
        hashAlgorithm,
        signatureAlgorithm: SIGNATURE_ALGORITHM,
        signature,
        publicKey: signer.publicKeyHex,
      },
      signed: true,
    };
  });
}

/** The head covering the current size: signed now if the log grew since the last one. */
export async function signTreeHead(db: Db, deps: LedgerDeps): Promise<SignedTreeHead> {
  return (await signTreeHeadIfGrown(db, deps)).head;
}

/** The newest head if it covers the committed size; otherwise one is signed on demand. */
export async function currentTreeHead(db: Db, deps: LedgerDeps): Promise<SignedTreeHead> {
  const [{ size }, latest] = await Promise.all([ledgerInfo(db, deps), store.latestHead(db)]);
  if (latest && latest.treeSize >= size) return headJson(latest);
  return signTreeHead(db, deps);
}

/** Every signed head, newest first. */
export async function listTreeHeads(
  db: Db,
  page: number,
  pageSize: number,
): Promise<{ items: SignedTreeHead[]; total: number }> {
  const r = await store.listHeads(db, pageSize, (page - 1) * pageSize);
  return { items: r.items.map(headJson), total: r.total };
}

/** The SM2 public keys the platform has signed tree heads with (what a receipt's key is pinned to). */
export async function platformPublicKeys(db: Db): Promise<string[]> {
  return store.listPublicKeys(db);
}
