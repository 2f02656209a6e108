/**
 * The DuckDB floor: DuckDB reads both CSV files and does the bare join (same signed amount, bank date
 * within ±7 days of the ledger date), told the layout. Prints the pair count.
 *   node bench/whole/duckdb-floor.mjs <layout.json> <folder holding node_modules/@duckdb/node-api>
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const layout = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const require = createRequire(path.join(process.argv[3], 'package.json'));
const { DuckDBInstance } = await import(require.resolve('@duckdb/node-api'));

const quote = (text) => `'${String(text).replace(/'/g, "''")}'`;
/** %Y/%m/%d in the layout note means unpadded month and day: DuckDB's %-m and %-d. */
const duckFormat = (format) => (format === '%Y/%m/%d' ? '%Y/%-m/%-d' : format);

function sideSql(side) {
  const column = (index) => `column${index}`; // DuckDB's names for headerless columns (fewer than ten here)
  const money = (index) => `coalesce(try_cast(regexp_replace(${column(index)}, '[^0-9.-]', '', 'g') as decimal(18,2)), 0)`;
  return `select try_strptime(${column(side.date)}, ${quote(duckFormat(side.dateFormat))})::date as day,
                 cast((${money(side.moneyIn)} - ${money(side.moneyOut)}) * 100 as bigint) as cents
          from read_csv(${quote(side.file)}, skip=${side.headerLine + 1}, header=false, all_varchar=true, null_padding=true, ignore_errors=true)`;
}

const db = await DuckDBInstance.create(':memory:');
const connection = await db.connect();
const reader = await connection.runAndReadAll(`
  with ledger as (${sideSql(layout.ledger)}), bank as (${sideSql(layout.bank)})
  select count(*) from ledger join bank
    on ledger.cents = bank.cents and bank.day between ledger.day - 7 and ledger.day + 7
  where ledger.cents <> 0 and ledger.day is not null`);
process.stdout.write(`${reader.getRows()[0][0]} pairs\n`);
