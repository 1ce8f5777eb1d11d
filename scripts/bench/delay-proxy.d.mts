export interface DelayProxy {
  port: number;
  url(scheme: string): string;
  stats: { connections: number };
  close(): Promise<void>;
}

export function startDelayProxy(options: { targetPort: number; targetHost?: string; rttMs: number }): Promise<DelayProxy>;
