// The signed heads' part of `mingjing verify`: signature, key, timestamp order, and the root at the
// head's size, rebuilt from the entries and from the stored nodes.
import type { LeafHasher } from '../crypto/index.ts';
import { verifySignedTreeHead } from './sth.ts';
import type * as store from './store.ts';
import { headJson } from './tree-heads.ts';
import type { Discrepancy, VerifyReport } from './verify-report.ts';
import { type Frame, foldRoot, same, short } from './verify-tree.ts';

export class HeadChecker {
  private previous: { size: number; timestamp: Date } | null = null;
  constructor(
    private readonly hasher: LeafHasher,
    private readonly keys: ReadonlySet<string>,
    private readonly found: (d: Discrepancy) => void,
  ) {}

  /** Signature, key and timestamp order; false when the signature does not verify. */
  checkSignature(h: store.HeadRow): boolean {
    const at = h.timestamp.toISOString();
    if (this.previous && h.timestamp.getTime() < this.previous.timestamp.getTime()) {
      this.found({
        kind: 'head_out_of_order',
        index: h.treeSize,
        detail: `树头（大小 ${h.treeSize}）的时间 ${at} 早于较小的树头（大小 ${this.previous.size}）的时间 ${this.previous.timestamp.toISOString()}`,
      });
    }
    this.previous = { size: h.treeSize, timestamp: h.timestamp };
    if (!verifySignedTreeHead(headJson(h))) {
      this.found({
        kind: 'bad_signature',
        index: h.treeSize,
        detail: `树头（大小 ${h.treeSize}，${at}）的签名无效：树头被改动或伪造`,
      });
      return false;
    }
    if (!this.keys.has(h.publicKeyHex)) {
      this.found({
        kind: 'unknown_key',
        index: h.treeSize,
        detail: `树头（大小 ${h.treeSize}，${at}）的签名密钥不是平台的账本密钥`,
      });
    }
    return true;
  }

  /** A head at the size the rebuild has reached (stack = the perfect subtrees of that size). */
  check(h: store.HeadRow, stack: readonly Frame[], report: VerifyReport): void {
    report.headsChecked++;
    if (!this.checkSignature(h)) return;
    const alg = this.hasher.alg;
    const rebuilt = foldRoot(
      this.hasher,
      alg,
      stack.map((f) => f.rebuilt),
    )!;
    const stored = foldRoot(
      this.hasher,
      alg,
      stack.map((f) => f.value),
    );
    if (same(h.rootHash, rebuilt) || same(h.rootHash, stored)) return;
    this.found({
      kind: 'forked_head',
      index: h.treeSize,
      detail: `树头（大小 ${h.treeSize}，${h.timestamp.toISOString()}）签名有效，但其根哈希 ${short(h.rootHash)} 不是账本在该大小的根 ${short(rebuilt)}：历史被改写或分叉`,
    });
  }
}
