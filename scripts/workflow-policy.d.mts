export function policyProblems(text: string, file: string): string[];
