import { DATA_TRANSFER_PRODUCT_CODE, DATA_TRANSFER_PRODUCT_FAMILY } from './constants.js';
import type { AwsDailyLine, TransferDirection } from './types.js';

/**
 * S1's `data_transfer_direction` (spec §1.4): only EC2 "Data Transfer" lines have one; the first rule that applies
 * wins, on the lower-cased usage type and operation.
 *
 * @example dataTransferDirection({ lineitem_productcode: 'AmazonEC2', product_productfamily: 'Data Transfer',
 *   lineitem_usagetype: 'USE1-DataTransfer-In-Bytes', lineitem_operation: '' }) // 'IN'
 */
export function dataTransferDirection(
  line: Pick<AwsDailyLine, 'lineitem_productcode' | 'product_productfamily' | 'lineitem_usagetype' | 'lineitem_operation'>,
): TransferDirection | null {
  if (line.lineitem_productcode !== DATA_TRANSFER_PRODUCT_CODE) return null;
  if (line.product_productfamily !== DATA_TRANSFER_PRODUCT_FAMILY) return null;
  const ut = line.lineitem_usagetype.toLowerCase();
  const op = line.lineitem_operation.toLowerCase();
  if (ut.includes('in-bytes')) return 'IN';
  if (ut.includes('out-bytes')) return 'OUT';
  if (ut.includes('regional-bytes') && op.includes('-in')) return 'IN';
  if (ut.includes('regional-bytes') && op.includes('-out')) return 'OUT';
  return null;
}
