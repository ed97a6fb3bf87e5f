// The engine's progress-bar labels (shown as they are, in both languages).
export const ENGINE_DOWNLOAD = '下载引擎 (download)';
export const ENGINE_START = '启动引擎 (compile)';
