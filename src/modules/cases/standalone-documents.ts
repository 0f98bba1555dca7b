import type { Actor, Ctx } from '../../platform/auth/actor.ts';
import type { Db } from '../../platform/db/index.ts';
import { AppError } from '../../platform/http/errors.ts';
import { appendEntries } from '../../platform/ledger/index.ts';
import * as org from '../org/service.ts';
import { approverOf, caseFacts } from './document-drafts.ts';
import { issueDocumentTx } from './document-issuing.ts';
import { isDocumentKind } from './documents/index.ts';
import type { DocumentData } from './documents/types.ts';
import { mayHandle } from './policy.ts';
import { DOCUMENT_LABELS, type DocumentRef } from './rules/vocabulary.ts';
import type { CasesDeps } from './service.ts';
import { documentLedgerEntry, ISSUES, writableCase } from './service-shared.ts';
import type * as store from './store.ts';

// Documents a case issues on their own (笔录, 送达回证, 审批表), and who may issue them.

/**
 * The numbered decisions and notices are not here: they are issued only by the step they belong to
 * (ISSUES), so none can skip the rights notice, the legal-review lock or the number sequence.
 */
const STANDALONE: Partial<Record<DocumentRef, 'team' | 'team_or_head'>> = {
  inspection_record: 'team',
  inquiry_record: 'team',
  service_receipt: 'team',
  filing_approval: 'team_or_head',
  closing_approval: 'team_or_head',
};

/**
 * Why `actor` may not issue a stand-alone document of `kind` on this case now, or null when they may.
 * The case page asks it for every kind (what the console offers); issuing asks it again.
 */
export function standaloneRefusal(row: store.CaseRow, actor: Actor, kind: string): AppError | null {
  if (!mayHandle(actor, row.agencyId)) return new AppError('FORBIDDEN', '只有本机关的工作人员可以办理本案');
  // R7: the locked case file is not added to behind its back; a later record is a correction (records).
  if (row.state === 'archived')
    return new AppError(
      'CASE_FILE_LOCKED',
      '案卷已归档锁定，不能再签发文书；需要补正的，请上传更正记录并注明所更正的记录',
      'caseId',
    );
  const who = Object.hasOwn(STANDALONE, kind) ? STANDALONE[kind as DocumentRef] : undefined;
  if (!who) {
    if (Object.values(ISSUES).includes(kind)) {
      return new AppError(
        'DOCUMENT_ISSUED_BY_STEP',
        '该文书只能在办理相应环节时签发（如作出处罚决定时签发决定书）',
        'kind',
      );
    }
    return new AppError('UNKNOWN_DOCUMENT_KIND', `未知的文书种类「${kind}」`, 'kind');
  }
  // 001 五(一): 执法辅助人员 never sign enforcement documents.
  if (actor.role === 'auxiliary') return new AppError('AUXILIARY_CANNOT_ACT', '执法辅助人员不得签署执法文书');
  const onTeam = actor.officerId !== null && row.snapshot.teamOfficerIds.includes(actor.officerId);
  // A lead has no team yet: the agency's officers verify it (初步核查) and record what they find.
  const leadOfficer = row.procedure === 'lead' && actor.role === 'officer' && actor.officerId !== null;
  if (!onTeam && !leadOfficer && !(who === 'team_or_head' && actor.role === 'agency_head')) {
    return new AppError('ACTOR_NOT_ON_TEAM', `${actor.displayName}不是本案承办执法人员，不能制作此文书`);
  }
  return null;
}

/** The stand-alone documents `actor` may issue on this case now, as choices for the console. */
export function issuableDocuments(row: store.CaseRow, actor: Actor) {
  return Object.keys(STANDALONE)
    .filter((kind) => standaloneRefusal(row, actor, kind) === null)
    .map((kind) => ({ value: kind, label: DOCUMENT_LABELS[kind as DocumentRef] }));
}

/** Issues a stand-alone document of a case (笔录, 送达回证, 审批表): signed by an officer of the case team. */
export async function issueDocument(
  db: Db,
  ctx: Ctx,
  deps: CasesDeps,
  caseId: string,
  kind: string,
  data: DocumentData,
  now = new Date(),
) {
  const row = await writableCase(db, ctx, caseId);
  const refusal = standaloneRefusal(row, ctx.actor, kind);
  if (refusal) throw refusal;
  const agency = (await org.agencyRef(db, row.agencyId))!;
  // An approval form the head issues is the head's approval: it names them and carries their opinion.
  const approver = isDocumentKind(kind) ? approverOf(ctx, kind, undefined) : undefined;
  const facts = await caseFacts(db, row, row.snapshot, now, approver);
  const doc = await db.transaction(async (tx) => {
    const d = await issueDocumentTx(tx, ctx, deps, {
      facts,
      caseId,
      agencyId: row.agencyId,
      agencyName: agency.name,
      kind,
      data,
      issuedAt: now,
    });
    await appendEntries(tx, [documentLedgerEntry(d)]);
    return d;
  });
  return { id: doc.id, number: doc.number, contentHash: doc.contentHash };
}
