// What every demo story uses: the agency's people as request contexts, its recorders, and short
// forms of the services' calls (a step, a lead, an AV record, a document's data), each on a past day.
import { Readable } from 'node:stream';
import type { DocumentData, DocumentKind, FieldValue } from '../modules/cases/documents/types.ts';
import * as cases from '../modules/cases/service.ts';
import * as catalog from '../modules/catalog/service.ts';
import * as publicity from '../modules/publicity/service.ts';
import type { RecordsDeps } from '../modules/records/deps.ts';
import * as devices from '../modules/records/devices-service.ts';
import { ingestEvidence } from '../modules/records/evidence-service.ts';
import type { Actor, Ctx } from '../platform/auth/actor.ts';
import type { Database } from '../platform/db/index.ts';
import { demoPng, demoWav } from './media.ts';
import { at, on, type Shop } from './parties.ts';

const ORIGIN = { ip: '127.0.0.1', userAgent: 'mingjing-demo-seed' };

export interface DemoActors {
  officer1: Actor;
  officer2: Actor;
  head: Actor;
  admin: Actor;
  reviewer: Actor;
  officers: { name: string; certificateNo: string }[];
}

export type DemoKit = Awaited<ReturnType<typeof demoKit>>;

/** Registers the agency's recorders (R11) and returns what the stories share. */
export async function demoKit(
  database: Database,
  deps: cases.CasesDeps,
  records: RecordsDeps,
  a: DemoActors,
) {
  const db = database.db;
  const ctx = (actor: Actor): Ctx => ({ actor, origin: ORIGIN });
  const o1 = ctx(a.officer1);
  const o2 = ctx(a.officer2);
  const head = ctx(a.head);
  const admin = ctx(a.admin);
  const agencyId = a.officer1.agencyId!;

  // R11: the agency's recorders — two body cameras in use, a phone, and a retired camera.
  const device = async (kind: string, serialNumber: string, model: string, holder: Actor | null) => {
    const { id } = await devices.registerDevice(db, admin, { agencyId, kind, serialNumber, model });
    if (holder) await devices.assignDevice(db, admin, records, id, holder.officerId, at(120));
    return id;
  };
  const camera1 = await device('body_camera', 'SCJG-JLY-001', 'DSJ-V9 执法记录仪', a.officer1);
  const camera2 = await device('body_camera', 'SCJG-JLY-002', 'DSJ-V9 执法记录仪', a.officer2);
  await device('phone', 'SCJG-YD-001', '移动执法终端', null);
  const old = await device('body_camera', 'SCJG-JLY-000', 'DSJ-T3 执法记录仪', null);
  await devices.retireDevice(db, admin, records, old, at(100));
  let mediaSeed = 0;
  // An AV record as an officer uploads it, `uploadedDaysAgo` after the capture (R5 flags > 24 hours).
  const record = (
    c: Ctx,
    caseId: string,
    r: {
      stepKey: string;
      mediaType: 'photo' | 'audio' | 'document';
      title: string;
      capturedDaysAgo: number;
      uploadedDaysAgo?: number;
      deviceId: string;
      location: string;
      confidentiality?: string;
    },
  ) => {
    mediaSeed++;
    const audio = r.mediaType === 'audio';
    const bytes = audio ? demoWav(mediaSeed) : demoPng(mediaSeed);
    return ingestEvidence(
      db,
      c,
      records,
      {
        caseId,
        stepKey: r.stepKey,
        mediaType: r.mediaType,
        title: r.title,
        fileName: `${r.title.slice(0, 20)}.${audio ? 'wav' : 'png'}`,
        mimeType: audio ? 'audio/wav' : 'image/png',
        capturedAt: at(r.capturedDaysAgo, 9).toISOString(),
        deviceId: r.deviceId,
        officerId: c.actor.officerId,
        location: r.location,
        confidentiality: r.confidentiality,
      },
      Readable.from([bytes]),
      at(r.uploadedDaysAgo ?? r.capturedDaysAgo, 15),
    );
  };
  const team = [a.officer1.officerId!, a.officer2.officerId!];
  const items = (await catalog.listItems(db, o1, {})).items;
  const item = (code: string) => items.find((i) => i.code === code)!.id;
  const penaltyItem = item('SCJG-CF-001');
  const expiredItem = item('SCJG-CF-002');
  // 执法决定公开: a clerk publishes each decision two days after it is made, before the case's next step
  // of a later day (so the case's history stays in order); the publicity story publishes what is left.
  const toPublish = new Map<string, Date>();
  const publishQueued = async (caseId: string, before: Date) => {
    const when = toPublish.get(caseId);
    if (!when || when > before) return;
    toPublish.delete(caseId);
    await publicity.publishDecision(db, o1, caseId, {}, when);
  };
  const step = async (
    c: Ctx,
    id: string,
    daysAgo: number,
    action: string,
    payload: Record<string, unknown> = {},
    extra: object = {},
  ) => {
    const now = at(daysAgo);
    await publishQueued(id, now);
    const r = await cases.transition(db, c, deps, id, { action, payload, ...extra }, now);
    if (!toPublish.has(id)) {
      const d = await cases.decisionForPublication(db, head, id);
      if (d && !d.publication) toPublish.set(id, publishingDay(d.decidedOn));
    }
    return r;
  };
  const lead = (
    title: string,
    daysAgo: number,
    summary: string,
    source = 'complaint',
    itemId = penaltyItem,
  ) =>
    cases.openRecord(db, o1, { procedure: 'lead', itemId, title, payload: { source, summary } }, at(daysAgo));
  /** 行政处罚法 art. 36: filing records the day of the violation (`violationDaysAgo`), within the limitation. */
  const fileLead = async (leadId: string, daysAgo: number, shop: Shop, violationDaysAgo: number) =>
    (
      await step(
        head,
        leadId,
        daysAgo,
        'file',
        { violationOn: on(violationDaysAgo) },
        { case: { teamOfficerIds: team, party: shop.api } },
      )
    ).filedCaseId!;
  /**
   * A document as the officer completes it on `daysAgo`: the platform's draft from the case (party, team,
   * dates, amounts, the notice's facts and provisions), plus what only the officer knows (`written`).
   */
  const draft = async (
    c: Ctx,
    caseId: string,
    kind: DocumentKind,
    daysAgo: number,
    written: Record<string, FieldValue>,
    stepOf?: { action: string; payload: Record<string, unknown> },
  ): Promise<DocumentData> => {
    const d = await cases.documentDraft(db, c, caseId, { kind, ...stepOf }, at(daysAgo));
    return { ...(d.data as DocumentData), ...written };
  };
  /** Where the party reaches the agency (printed on its notices). */
  const agencyLines = {
    contactPhone: '0552-3072315',
    agencyAddress: '安徽省蚌埠市蚌山区涂山路1108号',
  };
  /** Where the party may seek 行政复议 or bring 行政诉讼 (printed on its decisions). */
  const remedy = { reviewAuthority: '蚌埠市人民政府', court: '蚌埠市蚌山区人民法院' };
  const fine = (yuan: number) => ({ kinds: ['fine'], fineFen: yuan * 100 });
  return {
    db,
    deps,
    records,
    a,
    ctx,
    o1,
    o2,
    head,
    agencyId,
    camera1,
    camera2,
    record,
    team,
    item,
    penaltyItem,
    expiredItem,
    step,
    lead,
    fileLead,
    draft,
    agencyLines,
    remedy,
    fine,
    toPublish,
    publishQueued,
  };
}

/** Two days after the decision at 15:00 Beijing time (or a minute ago, if that is still to come). */
export function publishingDay(decidedOn: string): Date {
  const d = new Date(new Date(`${decidedOn}T15:00:00+08:00`).getTime() + 2 * 86_400_000);
  return d.getTime() > Date.now() ? new Date(Date.now() - 60_000) : d;
}
