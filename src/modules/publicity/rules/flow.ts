// 执法流程图 (P4) as a citizen reads it: the lifecycle table of a procedure (cases' `flowchart`) laid out
// as its main path — from the opening step to the archived file, the shortest way — with, at each stage,
// what else may happen there. Pure: the page renders the result as an HTML flow that works without
// JavaScript and reads top to bottom on a phone.

export interface FlowChartInput {
  initial: string;
  nodes: readonly { key: string; label: string; kind: string; performers: readonly string[] }[];
  edges: readonly {
    from: string | null;
    to: string;
    action: string;
    label: string;
    who: readonly string[];
    documents: readonly string[];
  }[];
}

export interface FlowStage {
  key: string;
  label: string;
  /** The step that leads on along the main path (null at the end). */
  next: { label: string; who: string[]; documents: string[] } | null;
  /** Steps taken at this stage that do not move the case on. */
  within: string[];
  /** Other ways the case may go from this stage. */
  also: { label: string; who: string[]; toLabel: string }[];
}

export function flowStages(chart: FlowChartInput): {
  opening: { label: string; who: string[] };
  stages: FlowStage[];
} {
  const label = new Map(chart.nodes.map((n) => [n.key, n.label]));
  const opening = chart.edges.find((e) => e.from === null);
  const out = new Map<string, FlowChartInput['edges'][number][]>();
  for (const e of chart.edges) if (e.from) out.set(e.from, [...(out.get(e.from) ?? []), e]);
  // The main path: the shortest way from the opening state to the first way of ending the table lists
  // (结案, 解除, 检查办结 — the ordinary outcome, listed first), then on to the archived file.
  const finals = chart.nodes.filter((n) => n.kind === 'ended' || n.kind === 'final');
  const target = chart.nodes.find((n) => n.kind === 'ended')?.key ?? finals[0]?.key ?? chart.initial;
  const shortest = (from: string, to: string) => {
    const prev = new Map<string, FlowChartInput['edges'][number] | null>([[from, null]]);
    const queue = [from];
    while (queue.length > 0 && !prev.has(to)) {
      const st = queue.shift()!;
      for (const e of out.get(st) ?? []) {
        if (e.to === e.from || prev.has(e.to)) continue;
        prev.set(e.to, e);
        queue.push(e.to);
      }
    }
    const steps: FlowChartInput['edges'][number][] = [];
    for (let st: string | null = to; st !== null && st !== from; ) {
      const e: FlowChartInput['edges'][number] | null = prev.get(st) ?? null;
      if (!e) return [];
      steps.unshift(e);
      st = e.from;
    }
    return steps;
  };
  const steps = [...shortest(chart.initial, target)];
  const archive = (out.get(target) ?? []).find((e) => e.to === 'archived');
  if (archive) steps.push(archive);
  const path = [chart.initial, ...steps.map((e) => e.to)];
  const stages = path.map((key, i) => {
    const next = steps[i] ?? null;
    const others = (out.get(key) ?? []).filter((e) => e !== next);
    return {
      key,
      label: label.get(key) ?? key,
      next: next ? { label: next.label, who: [...next.who], documents: [...next.documents] } : null,
      // Steps that keep the case where it is (先行登记保存, 延长期限…), and those that take another way.
      within: [...new Set(others.filter((e) => e.to === key).map((e) => e.label))],
      also: others
        .filter((e) => e.to !== key)
        .map((e) => ({ label: e.label, who: [...e.who], toLabel: label.get(e.to) ?? e.to })),
    };
  });
  return { opening: { label: opening?.label ?? '', who: [...(opening?.who ?? [])] }, stages };
}
