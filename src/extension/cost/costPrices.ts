// The prices an estimate in VS Code uses: the region's from the AWS Price List API when the AWS view is connected
// (credentials allow it), else the built-in table; a failed call falls back to the table with a note saying why.
import { builtInPricesAfterPriceListFailure, builtInPricesFor, type PriceTable } from '../../model/cost';
import type { Logger } from '../../shared/logger';
import type { AwsConnection, Connected } from '../aws/awsConnection';

const DEFAULT_REGION = 'us-east-1';

/** The region of the connected place (a definition's estimate is for where it would be deployed), else us-east-1. */
export function estimateRegion(connection: AwsConnection): string {
  return connection.resolved?.place.region ?? DEFAULT_REGION;
}

/** The Price List's prices through `connected`, or the table when they cannot be read. */
export async function pricesThrough(
  connected: Connected,
  region: string,
  connection: AwsConnection,
  logger: Logger,
): Promise<PriceTable> {
  const { facade } = connected;
  if (facade.fetchPriceTable === undefined) return builtInPricesFor(region);
  try {
    return await facade.fetchPriceTable(connected.clients, region);
  } catch (error) {
    const problem = connection.describe(error, 'GetProducts');
    logger.info(`Cost: the AWS Price List API could not be read (${problem.kind}); the built-in prices are used.`);
    return builtInPricesAfterPriceListFailure(region, problem.message);
  }
}

/**
 * The prices for a definition's estimate: through the AWS connection when the AWS view has already connected
 * (so estimating never prompts for credentials or waits on a credential chain), else the built-in table.
 */
export async function pricesForDefinition(connection: AwsConnection, logger: Logger): Promise<PriceTable> {
  const region = estimateRegion(connection);
  if (connection.resolved === undefined) {
    const table = builtInPricesFor(region);
    return {
      ...table,
      notes: [
        ...table.notes,
        'Connect to AWS (the AWS view) to use the current prices of the AWS Price List API instead of the built-in table.',
      ],
    };
  }
  let connected: Connected;
  try {
    connected = await connection.connect();
  } catch {
    return builtInPricesFor(region);
  }
  return pricesThrough(connected, region, connection, logger);
}
