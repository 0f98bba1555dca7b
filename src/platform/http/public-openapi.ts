// The public part of the OpenAPI document: the operations anyone may call without signing in (their
// `security` is empty, see server.ts), for the portal's page on open data and its /open-api.json.

type Operation = {
  security?: unknown[];
  tags?: string[];
  summary?: string;
  [k: string]: unknown;
};
type Doc = {
  paths?: Record<string, Record<string, Operation>>;
  tags?: { name: string }[];
  info?: Record<string, unknown>;
  [k: string]: unknown;
};

// Signing in and the session, resumable uploads, the operators' health check: not open data.
const STAFF_ONLY = /^\/(api\/(auth|uploads)|healthz)(\/|$)/;
const METHODS = new Set(['get', 'put', 'post', 'patch', 'delete', 'head', 'options']);

/** `doc` (what `app.swagger()` returns) with only the public operations, and its own title. */
export function publicOpenApi(doc: Doc): Doc {
  const paths: Record<string, Record<string, Operation>> = {};
  for (const [path, ops] of Object.entries(doc.paths ?? {})) {
    if (STAFF_ONLY.test(path)) continue;
    const kept = Object.fromEntries(
      Object.entries(ops).filter(
        ([method, op]) => METHODS.has(method) && Array.isArray(op.security) && op.security.length === 0,
      ),
    );
    if (Object.keys(kept).length > 0) paths[path] = kept;
  }
  const used = new Set(
    Object.values(paths).flatMap((ops) => Object.values(ops).flatMap((o) => o.tags ?? [])),
  );
  const { components, ...rest } = doc as Doc & { components?: Record<string, unknown> };
  return {
    ...rest,
    info: {
      ...doc.info,
      title: '行政执法公示 开放数据接口',
      description:
        '无需登录即可调用的公开接口：执法主体、执法人员证件核验、执法文书核验、存证账本与工作日计算。' +
        '只返回依法公开的信息，不含个人隐私。错误返回 { error: { code, message, field } }。',
    },
    ...(doc.tags ? { tags: doc.tags.filter((t) => used.has(t.name)) } : {}),
    // Schemas the public operations refer to stay; the staff session's security schemes do not.
    ...(components
      ? {
          components: Object.fromEntries(Object.entries(components).filter(([k]) => k !== 'securitySchemes')),
        }
      : {}),
    paths,
  };
}
