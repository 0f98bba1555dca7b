import Type from 'typebox';
import { AppError } from '../http/errors.ts';
import { type App, type AppDeps, ctxOf } from '../http/types.ts';
import { validateRegionCode } from '../identifiers/region-code.ts';
import { PublishedLayerAnswer, RulebookAnswer, RulebookLayerList } from './contract.ts';
import type { RegionRulebook } from './resolve.ts';
import { layerHistory, publishLayer, rulebookFor } from './service.ts';

const Region = Type.Object(
  { regionCode: Type.String({ title: '行政区划代码', maxLength: 12 }) },
  { additionalProperties: false },
);

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Keeps of each override only what a rule value has (value; the source's zh, and en/seedRef when they
 * are text): a layer is stored as sent and published back, so anything else a client added would be
 * kept for ever and shown to no one. Shapes the validator refuses pass untouched, keeping its messages.
 */
function knownOverrideFields(overrides: Record<string, unknown>): RegionRulebook['overrides'] {
  const out: Record<string, unknown> = {};
  for (const [key, o] of Object.entries(overrides)) {
    if (!isRecord(o) || !isRecord(o.source)) {
      out[key] = o;
      continue;
    }
    const { zh, en, seedRef } = o.source;
    out[key] = {
      value: o.value,
      source: {
        zh,
        ...(typeof en === 'string' ? { en } : {}),
        ...(typeof seedRef === 'string' ? { seedRef } : {}),
      },
    };
  }
  return out as RegionRulebook['overrides'];
}

function checkedRegion(code: string): string {
  const v = validateRegionCode(code);
  if (v) throw new AppError(v.code, v.message, 'regionCode');
  return code;
}

export function rulebookRoutes(app: App, { database }: AppDeps) {
  const db = database.db;
  const tags = ['规则库'];
  // Public: the rules a deadline is computed under are no secret (each value with its source).
  app.get(
    '/api/public/rulebook',
    {
      config: { access: { public: true } },
      schema: {
        tags,
        summary: '某地区现行规则参数（含出处和版本）',
        querystring: Region,
        response: { 200: RulebookAnswer },
      },
    },
    async (req) => rulebookFor(db, checkedRegion(req.query.regionCode)),
  );
  app.get(
    '/api/rulebook/layers',
    {
      config: { access: { roles: 'staff' } },
      schema: {
        tags,
        summary: '某地区规则的历史版本',
        querystring: Region,
        response: { 200: RulebookLayerList },
      },
    },
    async (req) => ({ items: await layerHistory(db, checkedRegion(req.query.regionCode)) }),
  );
  app.post(
    '/api/rulebook/layers',
    {
      config: { access: { roles: ['supervisor', 'system_admin'] } },
      schema: {
        tags,
        summary: '发布地区规则的新版本（覆盖上级或国家默认值，须注明出处）',
        body: Type.Object(
          {
            regionCode: Type.String({ title: '行政区划代码', maxLength: 12 }),
            overrides: Type.Record(Type.String(), Type.Unknown(), { title: '覆盖的规则' }),
            note: Type.Optional(Type.String({ title: '说明', maxLength: 500 })),
          },
          { additionalProperties: false },
        ),
        response: { 201: PublishedLayerAnswer },
      },
    },
    async (req, reply) =>
      reply.status(201).send(
        await publishLayer(db, ctxOf(req), {
          regionCode: checkedRegion(req.body.regionCode),
          overrides: knownOverrideFields(req.body.overrides),
          note: req.body.note,
        }),
      ),
  );
}
