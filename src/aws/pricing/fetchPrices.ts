// API Gateway's prices for a region from the AWS Price List API: GetProducts for service code AmazonApiGateway,
// filtered on the region code, every page (NextToken), parsed by priceList.ts.
import { GetProductsCommand, type GetProductsCommandOutput } from '@aws-sdk/client-pricing';
import { badInput, guarded } from '../guard';
import { collect, paginate } from '../paginate';
import type { AwsClients } from '../types';
import type { PriceTable } from '../../model/cost/priceTable';
import { parsePriceList } from './priceList';

/** The prices of `region` (default: the clients' region). Throws an AwsError: a call refused, or no prices there. */
export async function fetchPriceTable(clients: AwsClients, region = clients.place.region): Promise<PriceTable> {
  const items = await guarded(clients, () =>
    collect(
      paginate<GetProductsCommandOutput, string>(
        (token) =>
          clients.pricing.send(
            new GetProductsCommand({
              ServiceCode: 'AmazonApiGateway',
              FormatVersion: 'aws_v1',
              Filters: [{ Type: 'TERM_MATCH', Field: 'regionCode', Value: region }],
              MaxResults: 100,
              ...(token !== undefined ? { NextToken: token } : {}),
            }),
          ),
        // Each item is one product's JSON document (typed loosely by the SDK: a string, or a string-like object).
        (page) => (Array.isArray(page.PriceList) ? (page.PriceList as unknown[]).map((item) => String(item)) : []),
        (page) => page.NextToken,
      ),
    ),
  );
  const parsed = parsePriceList(items, region);
  if (!parsed.ok) throw badInput(parsed.error, 'GetProducts');
  return parsed.table;
}
