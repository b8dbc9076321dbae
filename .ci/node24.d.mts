// Types for the Node launcher (node24.mjs is plain JavaScript so that old Nodes can run it).
export declare const MIN_MAJOR: number;
export declare const NODE_PACKAGES: Record<string, { name: string; version: string; bin: string }>;
export declare function isRecentEnough(version: string): boolean;
export declare function nodePackageFor(platform: string, arch: string): { name: string; version: string; bin: string } | undefined;
export declare function cacheDir(env?: Record<string, string | undefined>, platform?: string): string;
