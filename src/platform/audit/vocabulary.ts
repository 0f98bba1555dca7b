import type { AuditVocabulary } from './present.ts';

/** The platform's own audit entries: sign-in, the calendar, the rulebook. */
export const PLATFORM_AUDIT: AuditVocabulary = {
  actions: {
    'auth.login': '登录',
    'auth.login_failed': '登录失败',
    'auth.login_locked': '账号因多次登录失败被锁定',
    'auth.logout': '退出登录',
    'auth.logout_all': '退出全部设备的登录',
    'calendar.load': '载入工作日日历',
    'calendar.replace': '替换工作日日历',
    'calendar.load_bundled': '载入内置工作日日历',
    'rulebook.publish': '发布规则参数',
  },
  targets: {
    user: { label: '用户' },
    session: { label: '会话' },
    calendar_year: { label: '工作日日历' },
    rulebook: { label: '规则参数' },
  },
  details: {
    username: '用户名',
    failures: '连续失败次数',
    sessions: '退出的会话数',
    years: '年份',
    notice: '国务院办公厅通知',
    overrides: '调整的参数',
  },
};
