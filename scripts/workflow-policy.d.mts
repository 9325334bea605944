export function policyProblems(text: string, file: string): string[];
export function isKnownActionlintGap(result: { kind: string; message: string }): boolean;
