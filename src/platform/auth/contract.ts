// What the authentication routes answer. The caller's capabilities are gathered from the modules
// (capabilities.ts), so the schema of a session is completed with theirs when the routes are registered.
import Type, { type TSchema } from 'typebox';
import { Nullable } from '../http/contract.ts';
import { ROLES } from './roles.ts';

export const RoleSchema = Type.Enum([...ROLES], { description: '角色' });

const userFields = {
  id: Type.String(),
  username: Type.String(),
  displayName: Type.String({ description: '姓名' }),
  role: RoleSchema,
  roleLabel: Type.String({ description: '角色名称' }),
  agencyId: Nullable(Type.String({ description: '所属执法主体（机关内的角色）' })),
  regionCode: Nullable(Type.String({ description: '监督的行政区划（执法监督人员）' })),
  officerId: Nullable(Type.String({ description: '本人的执法人员记录' })),
};

/** `POST /api/auth/login` and `GET /api/auth/me`: the user with `permissions`, and the CSRF token. */
export const sessionAnswer = <P extends TSchema>(permissions: P) =>
  Type.Object({
    user: Type.Object({ ...userFields, permissions }),
    csrfToken: Type.String({ description: '写操作须在 x-csrf-token 头中带上' }),
    deployment: Type.Object({
      publicUrl: Type.String({ description: '公示平台对外地址：二维码和文书上的核验链接用它' }),
      publicUrlConfigured: Type.Boolean({
        description: '是否设置了 MINGJING_PUBLIC_URL；未设置时二维码指向本机地址，群众扫码打不开',
      }),
    }),
  });
