import { Button, Result } from 'antd';
import { Component, type ReactNode } from 'react';

interface Props {
  children: ReactNode;
  /** A change of this value (the page's address) clears the error: the user navigated elsewhere. */
  resetKey?: string;
}

/** A page's chunk that failed to load after a new version was deployed, or the network dropped. */
function isChunkLoadError(error: unknown): boolean {
  const message = error instanceof Error ? error.message : String(error);
  return /dynamically imported module|Importing a module script failed|error loading dynamically|Failed to fetch/i.test(
    message,
  );
}

/**
 * What the user sees when a page fails to load or draw, instead of a blank screen: a Chinese message and
 * a way on (reload the page, or go to the home page). The error itself goes to the browser console for
 * whoever investigates; the user never sees its English text.
 */
export class ErrorBoundary extends Component<Props, { error: unknown; key: string | undefined }> {
  override state = { error: null as unknown, key: this.props.resetKey };

  static getDerivedStateFromError(error: unknown) {
    return { error };
  }

  static getDerivedStateFromProps(props: Props, state: { error: unknown; key: string | undefined }) {
    return props.resetKey !== state.key ? { error: null, key: props.resetKey } : null;
  }

  override componentDidCatch(error: unknown) {
    console.error(error);
  }

  override render() {
    const { error } = this.state;
    if (!error) return this.props.children;
    const chunk = isChunkLoadError(error);
    return (
      <Result
        status="warning"
        title={chunk ? '页面加载失败' : '页面出现错误'}
        subTitle={
          chunk
            ? '可能是网络中断，或系统刚刚更新。请重新加载页面；若仍无法打开，请联系系统管理员。'
            : '页面显示时出现问题，您的数据未受影响。请重新加载页面；若问题反复出现，请联系系统管理员。'
        }
        extra={[
          <Button key="reload" type="primary" onClick={() => window.location.reload()}>
            重新加载
          </Button>,
          <Button key="home" onClick={() => window.location.assign('/console/')}>
            返回首页
          </Button>,
        ]}
      />
    );
  }
}
