import { randomBytes } from 'node:crypto';
import { composeServices, type Services } from '../composition.ts';
import type { Config } from '../config.ts';
import * as cases from '../modules/cases/service.ts';
import * as catalog from '../modules/catalog/service.ts';
import * as org from '../modules/org/service.ts';
import type { Actor, Ctx } from '../platform/auth/actor.ts';
import { ROLE_LABELS } from '../platform/auth/roles.ts';
import { countUsers, createUser } from '../platform/auth/service.ts';
import { type Database, LOCK_KEYS } from '../platform/db/index.ts';
import { todayInShanghai } from '../platform/identifiers/date.ts';
import { seedDemoCases } from './cases.ts';
import { buildDemoData } from './data/index.ts';
import { DEMO_ITEMS } from './data/items.ts';

// 机关代字 in document numbers, e.g. 蚌市监处罚〔2026〕17号.
const DEMO_ABBREVIATIONS: Record<string, string> = {
  sfj: '蚌司',
  scjg: '蚌市监',
  cg: '蚌城管',
  sthj: '蚌环',
  yjgl: '蚌应急',
  jtys: '蚌交运',
  hy_scjg: '怀市监',
  hy_lcz: '榴城执',
};

export interface SeedResult {
  password: string;
  generated: boolean;
  accounts: { username: string; roleLabel: string; description: string }[];
}

const ORIGIN = { ip: '127.0.0.1', userAgent: 'mingjing-demo-seed' };

/** Seeds when asked: by default on an empty embedded database; on PostgreSQL only with MINGJING_DEMO=1. */
export async function maybeSeedDemo(database: Database, config: Config): Promise<SeedResult | null> {
  const wanted = config.demo === 'on' || (config.demo === 'auto' && database.kind === 'pglite');
  if (!wanted) return null;
  // Several processes may start at once on one PostgreSQL database: only one seeds.
  return database.withLock(LOCK_KEYS.demoSeed, async () => {
    if ((await countUsers(database.db)) > 0) return null;
    const generated = !config.demoPassword;
    const password = config.demoPassword ?? `Demo-${randomBytes(9).toString('base64url')}9`;
    return seedDemo(database, { password, generated, services: composeServices(config) });
  });
}

/**
 * The demo deployment (a city justice bureau, its agencies, officers and accounts), written through the
 * same services a user's requests go through, so the demo is validated like real data.
 */
/**
 * What an agency prints on every notice and decision, set once in its document settings: where the party
 * reaches it, and where a decision may be challenged (行政复议法 2023 art. 24: the 本级人民政府 for a
 * department of a city government; the court where the agency sits, 行政诉讼法 art. 18).
 */
const DEMO_DOCUMENT_DEFAULTS: Record<
  string,
  Parameters<typeof cases.setDocumentSettings>[3]['templateOverrides']
> = {
  scjg: {
    penalty_rights_notice: {
      fields: {
        contactPhone: { default: '0552-3072315' },
        agencyAddress: { default: '安徽省蚌埠市蚌山区涂山路1108号' },
      },
    },
    hearing_notice: {
      fields: {
        contactPhone: { default: '0552-3072315' },
        agencyAddress: { default: '安徽省蚌埠市蚌山区涂山路1108号' },
      },
    },
    penalty_decision: {
      fields: {
        reviewAuthority: { default: '蚌埠市人民政府' },
        court: { default: '蚌埠市蚌山区人民法院' },
      },
    },
    coercive_measure_decision: {
      fields: {
        reviewAuthority: { default: '蚌埠市人民政府' },
        court: { default: '蚌埠市蚌山区人民法院' },
      },
    },
    on_spot_penalty_decision: {
      fields: {
        reviewAuthority: { default: '蚌埠市人民政府' },
        court: { default: '蚌埠市蚌山区人民法院' },
      },
    },
  },
};

export async function seedDemo(
  database: Database,
  opts: { password: string; generated?: boolean; services: Pick<Services, 'cases' | 'records'> },
): Promise<SeedResult> {
  const db = database.db;
  const data = buildDemoData(todayInShanghai());
  const adminSpec = data.users.find((u) => u.role === 'system_admin')!;
  const admin = await createUser(db, {
    ...adminSpec,
    password: opts.password,
    agencyId: null,
    officerId: null,
  });
  const ctx: Ctx = { actor: admin, origin: ORIGIN };

  await org.ensureCategories(
    db,
    ctx,
    data.categories.map((c) => ({ code: c.code, name: c.name })),
  );
  const levels = ['province', 'city', 'county', 'township'];
  for (const r of [...data.regions].sort((a, b) => levels.indexOf(a.level) - levels.indexOf(b.level))) {
    await org.createRegion(db, ctx, { code: r.code, name: r.name });
  }

  const agencyIds = new Map<string, string>();
  const unitIds = new Map<string, string>();
  // Parents and entrusting agencies first.
  const pending = [...data.agencies];
  while (pending.length) {
    const i = pending.findIndex(
      (a) =>
        (!a.parentKey || agencyIds.has(a.parentKey)) &&
        (!a.entrustment || agencyIds.has(a.entrustment.entrustingAgencyKey)),
    );
    if (i < 0) throw new Error('demo agencies refer to each other in a cycle');
    const a = pending.splice(i, 1)[0]!;
    const created = await org.createAgency(db, ctx, {
      name: a.name,
      uscc: a.uscc,
      type: a.type,
      legalBasis: a.legalBasis,
      functions: a.functions,
      regionCode: a.regionCode,
      contactPhone: a.contactPhone,
      contactAddress: a.contactAddress,
      parentId: a.parentKey ? agencyIds.get(a.parentKey)! : null,
      entrustment: a.entrustment
        ? {
            entrustingAgencyId: agencyIds.get(a.entrustment.entrustingAgencyKey)!,
            basis: a.entrustment.basis,
            items: a.entrustment.items,
            powers: a.entrustment.powers,
            termStart: a.entrustment.termStart,
            termEnd: a.entrustment.termEnd,
          }
        : null,
    });
    agencyIds.set(a.key, created.id);
    for (const u of a.units) {
      const unit = await org.addUnit(db, ctx, created.id, u);
      unitIds.set(`${a.key}/${u.name}`, unit.id);
    }
  }

  for (const [key, abbreviation] of Object.entries(DEMO_ABBREVIATIONS)) {
    const id = agencyIds.get(key);
    if (id)
      await cases.setDocumentSettings(db, ctx, id, {
        abbreviation,
        templateOverrides: DEMO_DOCUMENT_DEFAULTS[key],
      });
  }
  for (const item of DEMO_ITEMS) {
    const { agencyKey, ...fields } = item;
    await catalog.createItem(db, ctx, { ...fields, agencyId: agencyIds.get(agencyKey)! });
  }

  for (const c of data.reviewCatalogues) {
    const { agencyKey, ...version } = c;
    await catalog.seedReviewCatalogue(db, ctx, agencyIds.get(agencyKey)!, version);
  }

  const officerIds = new Map<string, string>();
  for (const o of data.officers) {
    const created = await org.createOfficer(db, ctx, {
      agencyId: agencyIds.get(o.agencyKey)!,
      unitId: unitIds.get(`${o.agencyKey}/${o.unitName}`) ?? null,
      name: o.name,
      isAuxiliary: o.isAuxiliary,
      certificateNo: o.certificateNo,
      categories: o.categories,
      enforcementRegionCode: o.enforcementRegionCode,
      issueDate: o.issueDate,
      expiryDate: o.expiryDate,
      isLegalReviewer: o.isLegalReviewer,
      legalQualificationNo: o.legalQualificationNo,
      reviewingSince: o.reviewingSince,
      trainingHours: o.trainingHours,
      phone: o.phone,
    });
    officerIds.set(o.key, created.id);
    if (o.statusEvent) {
      await org.changeCertificateStatus(db, ctx, created.id, {
        action: o.statusEvent.action,
        reason: o.statusEvent.reason,
        revocationCause: o.statusEvent.revocationCause ?? undefined,
      });
    }
  }

  const accounts: SeedResult['accounts'] = [
    { username: admin.username, roleLabel: ROLE_LABELS.system_admin, description: '全部数据' },
  ];
  const actors = new Map<string, Actor>();
  for (const u of data.users) {
    if (u.role === 'system_admin') continue;
    const actor = await createUser(db, {
      username: u.username,
      displayName: u.displayName,
      password: opts.password,
      role: u.role,
      agencyId: u.agencyKey && u.role !== 'supervisor' ? agencyIds.get(u.agencyKey)! : null,
      regionCode: u.regionCode,
      officerId: u.officerKey ? (officerIds.get(u.officerKey) ?? null) : null,
    });
    actors.set(u.username, actor);
    const agency = data.agencies.find((a) => a.key === u.agencyKey);
    accounts.push({
      username: u.username,
      roleLabel: ROLE_LABELS[u.role],
      description:
        u.role === 'supervisor' ? `监督区域 ${u.regionCode}` : `${u.displayName} · ${agency?.name ?? ''}`,
    });
  }
  const officer1 = actors.get('scjg_officer1')!;
  const officer2 = actors.get('scjg_officer2')!;
  const teamCertificates = data.officers.filter((o) => o.key === 'scjg-02' || o.key === 'scjg-03');
  await seedDemoCases(database, opts.services.cases, opts.services.records, {
    officer1,
    officer2,
    head: actors.get('scjg_head')!,
    admin: actors.get('scjg_admin')!,
    reviewer: actors.get('scjg_reviewer')!,
    officers: teamCertificates.map((o) => ({ name: o.name, certificateNo: o.certificateNo! })),
  });
  return { password: opts.password, generated: opts.generated ?? false, accounts };
}
