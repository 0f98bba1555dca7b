import {
  ACTION_PAYLOAD_LABELS,
  PAYLOAD_LABELS,
  PAYLOAD_VALUE_LABELS,
  PENALTY_KIND_LABELS,
  REVIEW_POINT_LABELS,
} from './caseLabels.ts';
import type { PenaltyTerms } from './caseTypes.ts';

// Money is integer fen on the wire and yuan on screen; times are shown in Asia/Shanghai.

export const yuanToFen = (yuan: number): number => Math.round(yuan * 100);
export const fenToYuan = (fen: number): number => fen / 100;

/** 500050 → "5,000.50 元". */
export function formatFen(fen: number): string {
  return `${(fen / 100).toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 })} 元`;
}

const DATE_TIME = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hour12: false,
});

/** An ISO instant as 2026/03/02 09:30 in Beijing time. */
export function formatInstant(iso: string | null | undefined): string {
  if (!iso) return '—';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : DATE_TIME.format(d);
}

/** Today's date (YYYY-MM-DD) in Asia/Shanghai, as the server counts days. */
export function todayInShanghai(): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai' }).format(new Date());
}

export function penaltySummary(p: PenaltyTerms | null | undefined): string {
  if (!p || !Array.isArray(p.kinds)) return '—';
  const parts = p.kinds.map((k) => {
    if (k === 'fine' && p.fineFen) return `罚款 ${formatFen(p.fineFen)}`;
    if (k === 'confiscate_illegal_gains' && p.confiscatedGainsFen)
      return `没收违法所得 ${formatFen(p.confiscatedGainsFen)}`;
    if (k === 'confiscate_illegal_property' && p.confiscatedPropertyFen)
      return `没收非法财物（价值 ${formatFen(p.confiscatedPropertyFen)}）`;
    return PENALTY_KIND_LABELS[k] ?? k;
  });
  return parts.join('；') || '—';
}

/** One line per payload entry of an event, in Chinese; ids and internal keys are left out. */
type Finding = { point: string; ok: boolean; note?: string };

/** The reviewer's checklist findings in a line: how many points passed, and each problem named. */
export function findingsSummary(findings: readonly Finding[]): string {
  const problems = findings.filter((f) => !f.ok);
  const passed = `${findings.length - problems.length}项符合`;
  if (problems.length === 0) return `审核内容清单${findings.length}项均符合`;
  return `${passed}；存在问题：${problems.map((f) => `${REVIEW_POINT_LABELS[f.point] ?? f.point}（${f.note ?? ''}）`).join('；')}`;
}

export function payloadLines(
  payload: Record<string, unknown>,
  officerName: (id: string) => string | undefined,
  action?: string,
): { key: string; label: string; value: string }[] {
  const out: { key: string; label: string; value: string }[] = [];
  for (const [key, value] of Object.entries(payload ?? {})) {
    if (value === null || value === undefined || value === '') continue;
    if (key === 'partyId' || key === 'leadId') continue;
    // The review's checklist findings are a list; an inspection's 检查情况 is text.
    const label =
      key === 'findings' && Array.isArray(value)
        ? '审核内容清单'
        : (ACTION_PAYLOAD_LABELS[action ?? '']?.[key] ?? PAYLOAD_LABELS[key] ?? key);
    let text: string;
    if (key === 'penalty') text = penaltySummary(value as PenaltyTerms);
    else if (key === 'paidFen' && typeof value === 'number') text = formatFen(value);
    else if (key === 'instalments' && Array.isArray(value))
      // 行政处罚法 art. 66: the schedule as the officer wrote it, one instalment after another.
      text = (value as { dueOn: string; amountFen: number }[])
        .map((r, i) => `第${i + 1}期 ${r.dueOn} ${formatFen(r.amountFen)}`)
        .join('；');
    else if (key === 'teamOfficerIds' && Array.isArray(value))
      text = value.map((id) => officerName(String(id)) ?? '（其他人员）').join('、');
    else if ((key === 'hostOfficerId' || key === 'reviewerOfficerId') && typeof value === 'string')
      text = officerName(value) ?? '（其他人员）';
    else if (key === 'grounds' && Array.isArray(value))
      text = value.map((g) => PAYLOAD_VALUE_LABELS.grounds?.[String(g)] ?? String(g)).join('；');
    else if (key === 'findings' && Array.isArray(value)) text = findingsSummary(value as Finding[]);
    else if (typeof value === 'boolean') text = value ? '是' : '否';
    else if (typeof value === 'string') text = PAYLOAD_VALUE_LABELS[key]?.[value] ?? value;
    else text = JSON.stringify(value);
    out.push({ key, label, value: text });
  }
  return out;
}
