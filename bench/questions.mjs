// Questions a trader's agent asks on behalf of its user, each with the page that should answer it,
// or the pages that each answer it fully (an exchange's own guide answers exchange-specific questions).
export const questions = [
  // integration/generate-api-key
  { q: 'Which permissions should I enable on the API key for XAPY?', page: 'integration/generate-api-key' },
  { q: 'What is the difference between Read + Trade and Read-Write?', page: 'integration/generate-api-key' },
  { q: 'Can XAPY withdraw my funds with a Read + Trade key?', page: 'integration/generate-api-key' },
  { q: 'Do I need to enable spot, margin or options trading?', page: 'integration/generate-api-key' },
  { q: 'Where do I enter the API key, secret and passphrase in XAPY?', page: ['integration/generate-api-key', 'integration/exchanges/okx', 'integration/exchanges/bitget', 'integration/exchanges/kucoin'] },
  { q: 'What should I do if my API secret has leaked?', page: 'integration/generate-api-key' },
  { q: 'Should I reuse an existing API key for XAPY?', page: 'integration/generate-api-key' },
  { q: 'Where should I store the API secret?', page: 'integration/generate-api-key' },
  { q: 'Can I add my own computer’s IP to the key as well?', page: 'integration/generate-api-key' },
  { q: 'What happens if I forget the passphrase of the key?', page: ['integration/generate-api-key', 'integration/exchanges/okx', 'integration/exchanges/bitget', 'integration/exchanges/kucoin'] },
  // setup/on-crypto-exchanges/whitelist-address
  { q: 'How do I set up the withdrawal address whitelist between my exchanges?', page: 'setup/on-crypto-exchanges/whitelist-address' },
  { q: 'Which network should I use for USDT transfers between exchanges?', page: 'setup/on-crypto-exchanges/whitelist-address' },
  { q: 'Does CoinEx need a separate whitelist for API withdrawals?', page: ['setup/on-crypto-exchanges/whitelist-address', 'integration/exchanges/coinex'] },
  { q: 'Can XAPY change my withdrawal whitelist?', page: 'setup/on-crypto-exchanges/whitelist-address' },
  { q: 'What do I do when I add a new exchange to XAPY?', page: 'setup/on-crypto-exchanges/whitelist-address' },
  { q: 'Should I test withdrawals before giving the key Read-Write?', page: 'setup/on-crypto-exchanges/whitelist-address' },
  { q: 'Is it safe to keep my personal wallet address in the whitelist?', page: 'setup/on-crypto-exchanges/whitelist-address' },
  // setup/on-crypto-exchanges/server-ips
  { q: 'What are XAPY’s server IP addresses?', page: 'setup/on-crypto-exchanges/server-ips' },
  { q: 'Someone sent me a different list of XAPY server addresses in Telegram; should I use it?', page: 'setup/on-crypto-exchanges/server-ips' },
  { q: 'What should I do when XAPY adds or retires a server?', page: 'setup/on-crypto-exchanges/server-ips' },
  { q: 'Is the server list available as JSON for a program?', page: 'setup/on-crypto-exchanges/server-ips' },
  // tools/ip-whitelist-checker
  { q: 'How can I check the IP list on my key before saving it?', page: 'tools/ip-whitelist-checker' },
  { q: 'Can I paste IPv6 addresses or ranges like 203.0.113.0/24 into the checker?', page: 'tools/ip-whitelist-checker' },
  { q: 'What does the verdict "works, with warnings" mean?', page: 'tools/ip-whitelist-checker' },
  { q: 'Is the range in my IP list too broad?', page: 'tools/ip-whitelist-checker' },
  { q: 'How do I call the IP check API with curl?', page: 'tools/ip-whitelist-checker' },
  // introduction/readme
  { q: 'Does XAPY hold custody of my funds?', page: 'introduction/readme' },
  { q: 'Which exchanges does XAPY support?', page: 'introduction/readme' },
  { q: 'How does funding-rate arbitrage make money?', page: 'introduction/readme' },
  { q: 'How long does a Bybit key without an IP binding last?', page: ['introduction/readme', 'integration/exchanges/bybit'] },
  { q: 'How many IP addresses can an OKX key hold?', page: ['introduction/readme', 'integration/exchanges/okx'] },
  // help/contact-us
  { q: 'How do I contact XAPY support?', page: 'help/contact-us' },
  { q: 'What should I include when I ask XAPY for help with a key?', page: 'help/contact-us' },
  { q: 'A XAPY staff member asked for my API secret; is that normal?', page: 'help/contact-us' },
  // integration/for-agents
  { q: 'How do I connect my agent to the XAPY docs over MCP?', page: 'integration/for-agents' },
  { q: 'How can an agent fetch just one section of a page?', page: 'integration/for-agents' },
  // integration/exchanges/* and the pages added with them
  { q: 'What does OKX error 50110 mean?', page: ['help/troubleshooting', 'integration/exchanges/okx'] },
  { q: 'Which boxes do I tick on Binance for Read-Write?', page: 'integration/exchanges/binance' },
  { q: 'Does KuCoin need a passphrase for the API key?', page: 'integration/exchanges/kucoin' },
  { q: 'Can a Bybit sub-account key withdraw?', page: 'integration/exchanges/bybit' },
  { q: 'Which exchanges ask for a passphrase?', page: 'integration/exchanges' },
  { q: 'How do I check a key’s permissions from what the exchange reports about it?', page: 'tools/api-key-checker' },
  { q: 'How can I check that my withdrawal whitelists form a closed loop?', page: 'tools/address-loop-checker' },
  { q: 'How do I spot a fake list of XAPY server IPs?', page: ['help/security', 'setup/on-crypto-exchanges/server-ips'] },
  { q: 'Is XAPY an exchange?', page: ['help/faq', 'introduction/readme'] },
  { q: 'Will XAPY staff ever ask for my API secret?', page: ['help/faq', 'help/security', 'help/contact-us'] },
];
