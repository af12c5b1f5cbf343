import type { DefaultServerCellComponentProps } from 'payload'
import React from 'react'

import { formatFen } from '@/utilities/formatFen'

/** List-view cell: integer fen shown as ¥12.90. */
export const MoneyCell = ({ cellData }: DefaultServerCellComponentProps) => <span>{typeof cellData === 'number' ? formatFen(cellData) : '—'}</span>
