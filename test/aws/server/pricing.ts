// The AWS Price List API (JSON 1.1) for the operation the product calls: GetProducts (service code, TERM_MATCH
// filters on product attributes, MaxResults 1..100, NextToken pages), answering with PriceList items shaped as
// the Price List API Reference shows them: one JSON document a product, as a string, with `product` (family and
// attributes: servicecode, location, regionCode, usagetype, operation…), `serviceCode`, `terms.OnDemand` (price
// dimensions with beginRange / endRange / unit / pricePerUnit.USD), `version` and `publicationDate`. The products
// are API Gateway's in US East (N. Virginia), with the figures of the pricing page; other services and regions have
// none (an empty PriceList, as AWS answers a filter that matches nothing).
import type { JsonHandler } from './jsonProtocol';
import { AwsError } from './errors';
import { isObj, str, type Json } from './util';

const invalid = (message: string): AwsError => new AwsError(400, 'InvalidParameterException', message);

const PUBLICATION = '2026-11-20T18:12:03Z';
const SERVICE = 'AmazonApiGateway';

interface Tier {
  begin: string;
  end: string;
  usd: string;
  description: string;
}

function product(sku: string, family: string, attributes: Record<string, string>, unit: string, tiers: Tier[]): Json {
  const offer = 'JRTCKXETXF';
  const dimensions: Json = {};
  tiers.forEach((t, i) => {
    const rateCode = `${sku}.${offer}.${['6YS6EN2CT7', '3MKHN4SVSX', 'Q7UJUT2CE6', 'VF6T3GAUKQ'][i] ?? 'X'}`;
    dimensions[rateCode] = {
      unit,
      endRange: t.end,
      description: t.description,
      appliesTo: [],
      rateCode,
      beginRange: t.begin,
      pricePerUnit: { USD: t.usd },
    };
  });
  return {
    product: {
      productFamily: family,
      attributes: {
        servicecode: SERVICE,
        location: 'US East (N. Virginia)',
        locationType: 'AWS Region',
        regionCode: 'us-east-1',
        servicename: 'Amazon API Gateway',
        ...attributes,
      },
      sku,
    },
    serviceCode: SERVICE,
    terms: {
      OnDemand: {
        [`${sku}.${offer}`]: {
          priceDimensions: dimensions,
          sku,
          effectiveDate: '2026-11-01T00:00:00Z',
          offerTermCode: offer,
          termAttributes: {},
        },
      },
    },
    version: '20261120181203',
    publicationDate: PUBLICATION,
  };
}

const cacheSizes: Array<[string, string, string]> = [
  ['0.5', '0.0200000000', 'CJ3F8MJKYH'],
  ['1.6', '0.0380000000', 'TX3ZBQ6W9E'],
  ['6.1', '0.2000000000', 'F9B7XXGVBD'],
  ['13.5', '0.2500000000', 'AGZ42T58PX'],
  ['28.4', '0.5000000000', 'WVB7JH5JPQ'],
  ['58.2', '1.0000000000', 'KXRRSB8EJ2'],
  ['118', '1.9000000000', 'M4A4ZZ5X2C'],
  ['237', '3.8000000000', 'YE8T8N4WNU'],
];

/** API Gateway's products in us-east-1. */
export const apiGatewayProducts: Json[] = [
  product(
    'KKDZ3TFSXUSMCZ3A',
    'API Calls',
    { usagetype: 'USE1-ApiGatewayRequest', operation: 'ApiGatewayRequest', description: 'API Gateway Request' },
    'Requests',
    [
      {
        begin: '0',
        end: '333000000',
        usd: '0.0000035000',
        description: '$3.50 per million requests - first 333 million requests / month',
      },
      {
        begin: '333000000',
        end: '1000000000',
        usd: '0.0000028000',
        description: '$2.80 per million requests - next 667 million requests / month',
      },
      {
        begin: '1000000000',
        end: '20000000000',
        usd: '0.0000023800',
        description: '$2.38 per million requests - next 19 billion requests / month',
      },
      {
        begin: '20000000000',
        end: 'Inf',
        usd: '0.0000015100',
        description: '$1.51 per million requests - over 20 billion requests / month',
      },
    ],
  ),
  product(
    'FC2TWT2UEPTBKVBX',
    'API Calls',
    { usagetype: 'USE1-ApiGatewayHttpRequest', operation: 'ApiGatewayHttpApi', description: 'HTTP API Requests' },
    'Requests',
    [
      {
        begin: '0',
        end: '300000000',
        usd: '0.0000010000',
        description: '$1.00 per million requests - first 300 million requests/month',
      },
      {
        begin: '300000000',
        end: 'Inf',
        usd: '0.0000009000',
        description: '$0.90 per million requests - over 300 million requests/month',
      },
    ],
  ),
  product(
    '3Y5E3ETY2M5CMHYP',
    'WebSocket',
    { usagetype: 'USE1-ApiGatewayMessage', operation: 'ApiGatewayWebSocket', description: 'WebSocket Messages' },
    'Messages',
    [
      {
        begin: '0',
        end: '1000000000',
        usd: '0.0000010000',
        description: '$1.00 per million messages - first 1 billion messages/month',
      },
      {
        begin: '1000000000',
        end: 'Inf',
        usd: '0.0000008000',
        description: '$0.80 per million messages - over 1 billion messages/month',
      },
    ],
  ),
  product(
    'UTA8VPBNDBWNCNMC',
    'WebSocket',
    {
      usagetype: 'USE1-ApiGatewayMinute',
      operation: 'ApiGatewayWebSocket',
      description: 'WebSocket Connection Minutes',
    },
    'Minutes',
    [{ begin: '0', end: 'Inf', usd: '0.0000002500', description: '$0.25 per million connection minutes' }],
  ),
  ...cacheSizes.map(([size, usd, sku]) =>
    product(
      sku,
      'Amazon API Gateway Cache',
      { usagetype: `USE1-ApiGatewayCacheUsage:${size}GB`, operation: 'RunInstances', cacheMemorySizeGb: size },
      'Hrs',
      [
        {
          begin: '0',
          end: 'Inf',
          usd,
          description: `$${Number(usd).toFixed(3)} per hour for ${size} GB cache memory size`,
        },
      ],
    ),
  ),
];

function matches(item: Json, filters: unknown): boolean {
  if (filters === undefined) return true;
  if (!Array.isArray(filters)) throw invalid('Filters must be a list.');
  const attributes = isObj(item.product) && isObj(item.product.attributes) ? item.product.attributes : {};
  const family = isObj(item.product) ? str(item.product.productFamily) : undefined;
  return filters.every((f: unknown) => {
    if (!isObj(f)) throw invalid('Each filter must be an object with Type, Field and Value.');
    const type = str(f.Type);
    const field = str(f.Field);
    const value = str(f.Value);
    if (field === undefined || value === undefined) throw invalid('A filter needs a Field and a Value.');
    const actual = field === 'productFamily' ? family : str(attributes[field]);
    if (type === 'TERM_MATCH' || type === 'EQUALS') return actual?.toLowerCase() === value.toLowerCase();
    if (type === 'CONTAINS') return actual?.toLowerCase().includes(value.toLowerCase()) ?? false;
    throw invalid(
      `1 validation error detected: Value '${type ?? ''}' at 'filters.1.member.type' failed to satisfy constraint: Member must satisfy enum value set: [EQUALS, CONTAINS, ANY_OF, TERM_MATCH, NONE_OF]`,
    );
  });
}

export const pricingOperations: Record<string, JsonHandler> = {
  GetProducts(input) {
    const service = str(input.ServiceCode);
    if (service === undefined || service === '')
      throw invalid('Input parameters are invalid. ServiceCode is required.');
    const format = str(input.FormatVersion) ?? 'aws_v1';
    if (format !== 'aws_v1') throw invalid(`Input parameters are invalid. Unknown FormatVersion '${format}'.`);
    const maxInput = input.MaxResults;
    const max = maxInput === undefined ? 100 : typeof maxInput === 'number' ? maxInput : Number.NaN;
    if (!Number.isInteger(max) || max < 1 || max > 100)
      throw invalid(
        `1 validation error detected: Value '${String(maxInput)}' at 'maxResults' failed to satisfy constraint: Member must have value less than or equal to 100`,
      );
    const products = service === SERVICE ? apiGatewayProducts.filter((p) => matches(p, input.Filters)) : [];
    const token = input.NextToken;
    const start = token === undefined ? 0 : Number(Buffer.from(str(token) ?? '', 'base64').toString('utf8'));
    if (!Number.isInteger(start) || start < 0 || start > products.length)
      throw invalid('Input parameters are invalid. The NextToken is not valid.');
    const end = Math.min(products.length, start + max);
    const out: Json = { FormatVersion: format, PriceList: products.slice(start, end).map((p) => JSON.stringify(p)) };
    if (end < products.length) out.NextToken = Buffer.from(String(end)).toString('base64');
    return out;
  },
};
