/** Element ids that are unique within any page, for label/for pairs of repeatable widgets. */
let counter = 0;
export const uniqueId = (prefix: string) => `${prefix}-${++counter}`;
