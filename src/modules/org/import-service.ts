import { audit } from '../../platform/audit/service.ts';
import type { Ctx } from '../../platform/auth/actor.ts';
import { type Db, UUID_RE } from '../../platform/db/index.ts';
import { AppError, type RowError } from '../../platform/http/errors.ts';
import { checkImportRows, readImportFile } from './import.ts';
import { mayManageOfficers } from './policy.ts';
import { insertOfficerTx } from './service.ts';
import * as store from './store.ts';

/**
 * Bulk import (O2): every row is checked first, and if any row is wrong nothing is written and the
 * caller gets every row's problems at once. Valid files are written in one transaction.
 */
export async function importOfficers(
  db: Db,
  ctx: Ctx,
  agencyId: string,
  file: { filename: string; data: Buffer },
): Promise<number> {
  const agency = UUID_RE.test(agencyId) ? await store.findAgency(db, agencyId) : undefined;
  if (!agency) throw new AppError('UNKNOWN_AGENCY', '所属执法主体不存在', 'agencyId');
  if (!mayManageOfficers(ctx.actor, agency))
    throw new AppError('AGENCY_OUT_OF_SCOPE', `无权为「${agency.name}」导入执法人员`, 'agencyId');

  const parsed = await readImportFile(file.filename, file.data);
  if (!Array.isArray(parsed)) {
    const code = parsed.code === 'IMPORT_UNSUPPORTED_TYPE' ? 'IMPORT_UNSUPPORTED_TYPE' : 'IMPORT_INVALID';
    throw new AppError(code, parsed.message, 'file', code === 'IMPORT_INVALID' ? [parsed] : undefined);
  }
  const categories = await store.listCategories(db);
  const { candidates, errors } = checkImportRows(parsed, categories);

  // Checks that need the database: certificate numbers already registered, regions not registered.
  const taken = await store.certificateNosTaken(
    db,
    candidates.map((c) => c.input.certificateNo).filter((n): n is string => !!n),
  );
  const regions = new Set((await store.listRegions(db)).map((r) => r.code));
  const dbErrors: RowError[] = [];
  for (const c of candidates) {
    if (c.input.certificateNo && taken.has(c.input.certificateNo)) {
      dbErrors.push({
        row: c.row,
        field: 'certificateNo',
        code: 'DUPLICATE_CERTIFICATE_NO',
        message: `第 ${c.row} 行：执法证件编号「${c.input.certificateNo}」已登记`,
      });
    }
    if (c.input.enforcementRegionCode && !regions.has(c.input.enforcementRegionCode)) {
      dbErrors.push({
        row: c.row,
        field: 'enforcementRegionCode',
        code: 'UNKNOWN_REGION',
        message: `第 ${c.row} 行：执法区域「${c.input.enforcementRegionCode}」尚未登记`,
      });
    }
  }
  const all = [...errors, ...dbErrors].sort((a, b) => a.row - b.row);
  if (all.length > 0) {
    throw new AppError(
      'IMPORT_INVALID',
      `导入文件有 ${all.length} 处错误，未导入任何数据。请修改后重新上传。`,
      'file',
      all,
    );
  }
  const codes = categories.map((c) => c.code);
  await db.transaction(async (tx) => {
    for (const c of candidates) await insertOfficerTx(tx, ctx, { ...c.input, agencyId }, codes);
    await audit(tx, ctx, {
      action: 'officer.import',
      targetType: 'agency',
      targetId: agencyId,
      agencyId,
      regionCode: agency.regionCode,
      details: { rows: candidates.length, filename: file.filename },
    });
  });
  return candidates.length;
}
