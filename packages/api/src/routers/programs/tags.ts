export const tags = ['programs'];
