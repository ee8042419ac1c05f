import { userInfo } from 'node:os';

/** Who an operator's act is recorded as (silence, acknowledge, release): `DTE_OPERATOR`, else the login. */
export const operatorName = (): string => process.env.DTE_OPERATOR ?? userInfo().username;
