/**
 * Catches anything a component throws while rendering, so the pane shows a message and a way
 * back instead of going blank. (Errors in event handlers and promises are caught where they
 * happen and shown with ErrorNotice.)
 */
import { Component, type ErrorInfo, type ReactNode } from 'react';

interface Props {
  children: ReactNode;
  renderFallback: (error: unknown, reset: () => void) => ReactNode;
}

interface State {
  error: unknown;
  failed: boolean;
}

export class ErrorBoundary extends Component<Props, State> {
  override state: State = { error: null, failed: false };

  static getDerivedStateFromError(error: unknown): State {
    return { error, failed: true };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    console.error('[recon] the pane failed to render', error, info.componentStack);
  }

  private readonly reset = () => this.setState({ error: null, failed: false });

  override render(): ReactNode {
    return this.state.failed ? this.props.renderFallback(this.state.error, this.reset) : this.props.children;
  }
}
