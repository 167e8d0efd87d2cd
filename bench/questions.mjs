// Questions as traders and their agents ask them, in their own words rather than the docs’:
// synonyms (custody, maximum, 2FA, Huobi), other word forms (IPs, whitelisting), casual phrasing,
// typos, and questions asked on a page that does not answer them. Written before the ?ask= engine
// was tuned (issue 13), from what the built twins say.
//
// Each question has:
//   q     – the question;
//   page  – the page, or the pages, that answer it (any of them counts as right);
//   fact  – what the answer must contain: a string (case-insensitive), a RegExp, or an array of
//           these that must all be present. Facts are data values wherever possible (numbers,
//           exchange names, box labels, error codes), so guide prose can change under them;
//   on    – the page the question is asked on (default: the home page, so page preference does not
//           help; questions asked on a wrong page set it to that page, and page preference is tested
//           by asking on the right exchange’s guide).
// Every third question (index % 3 === 2, counted separately for on-topic and off-topic questions)
// is held out: nothing in the engine or the thesaurus was tuned on it, and its figures are reported
// apart (`heldOut`). The questions written later (`laterTuned`, marked `later`) are all tuned and
// are reported apart too.

const B = 'integration/exchanges/binance';
const BG = 'integration/exchanges/bitget';
const BY = 'integration/exchanges/bybit';
const CX = 'integration/exchanges/coinex';
const G = 'integration/exchanges/gate';
const H = 'integration/exchanges/htx';
const K = 'integration/exchanges/kucoin';
const O = 'integration/exchanges/okx';
const EX = 'integration/exchanges';
const README = 'introduction/readme';
const IPS = 'setup/on-crypto-exchanges/server-ips';
const WL = 'setup/on-crypto-exchanges/whitelist-address';
const GEN = 'integration/generate-api-key';
const AGENTS = 'integration/for-agents';
const IPC = 'tools/ip-whitelist-checker';
const LOOP = 'tools/address-loop-checker';
const KEYC = 'tools/api-key-checker';
const TS = 'help/troubleshooting';
const SEC = 'help/security';
const FAQ = 'help/faq';
const CONTACT = 'help/contact-us';
const HOME = 'index';
const EIGHT = ['Binance', 'Bitget', 'Bybit', 'CoinEx', 'Gate', 'HTX', 'KuCoin', 'OKX'];

const onTopic = [
  // Binance
  { q: 'What is the maximum number of IP addresses for a Binance API key?', page: [B, EX, README, IPS], fact: /up to 30|30 addresses/ },
  { q: 'which boxes do i tick on binance for read-write', page: B, fact: ['Permits Universal Transfer', 'Enable Withdrawals'] },
  { q: 'Why is Enable Withdrawals greyed out on my Binance key?', page: B, fact: 'trusted IPs' },
  { q: 'My Binance key is older than my futures account. Will it work?', page: B, fact: 'futures account' },
  { q: 'What does Binance error -2015 mean?', page: [TS, B], fact: 'Invalid API-key, IP, or permissions' },
  { q: 'Does a Binance key have a passphrase?', page: [B, EX], fact: /no passphrase|\| no/ },
  { q: 'what happens to a binance key with no trusted IPs after a month', page: [B, README, EX], fact: '30 days' },
  { q: 'Can XAPY work with a Binance portfolio margin account?', page: B, fact: 'futures API' },
  { q: 'how many ips can i bind', on: B, page: B, fact: 'up to 30' },
  // OKX
  { q: 'how many IPs', on: O, page: O, fact: 'up to 20' },
  { q: 'how many IPs can I bind', on: O, page: O, fact: 'up to 20' },
  { q: 'What happens to an OKX key that has no IP whitelisted?', page: [O, README, EX], fact: '14 days' },
  { q: 'What does OKX error 50110 mean?', page: [TS, O], fact: 'not included in your API key' },
  { q: 'I forgot my OKX passphrase, can OKX recover it?', page: [O, GEN], fact: /recover|reset/ },
  { q: 'Does the OKX Trade permission also allow spot trading?', page: O, fact: 'spot' },
  { q: 'my okx account is on the EEA site, does the key work with the global domain', page: O, fact: 'eea.okx.com' },
  { q: 'How do I format the IP list for OKX?', page: [O, IPS], fact: 'commas' },
  // Bybit
  { q: 'How long does a Bybit key without an IP binding last?', page: [BY, README, EX], fact: '90 days' },
  { q: 'can a bybit subaccount key withdraw', page: [BY, EX], fact: /main.account|no/ },
  { q: 'What does Bybit error 10010 mean?', page: [TS, BY], fact: 'Unmatched IP' },
  { q: 'bybit permisions for read write?', page: BY, fact: ['Account Transfer', 'Withdrawal'] },
  { q: 'How many IPs can one Bybit key hold?', page: [BY, README, EX, IPS], fact: 'not document' },
  { q: 'Can I change the IPs of my Bybit master key over the API?', page: BY, fact: 'website' },
  { q: 'Why does my Bybit testnet key fail with 10003?', page: [BY, TS], fact: /testnet|environments/ },
  // Bitget
  { q: 'bitget max ip addresses per key', page: [BG, README, EX, IPS], fact: /up to 30|30 addresses/ },
  { q: 'What does Bitget error 40038 mean?', page: [TS, BG], fact: 'not in the apikey ip whitelist' },
  { q: 'Which Bitget permissions does a Read-Write key need?', page: BG, fact: ['Wallet withdrawal', 'Futures orders'] },
  { q: 'I changed my security settings on Bitget and now withdrawals fail', page: BG, fact: /day/ },
  { q: 'does bitget want a passphrase', page: [BG, EX], fact: 'passphrase' },
  // Gate
  { q: 'gate.io how many IP adresses per api key?', page: [G, README, EX, IPS], fact: /up to 20|20 addresses/ },
  { q: 'Does Gate accept IPv6 addresses in the IP whitelist?', page: [G, README], fact: 'IPv4' },
  { q: 'Can a Gate sub-account key withdraw?', page: [G, EX], fact: /cannot withdraw|\| no/ },
  { q: 'How long before Gate lets the API use a new withdrawal address?', page: [G, WL], fact: '24 hours' },
  { q: 'Gate read-write permissions', page: G, fact: 'Withdrawal: Read and write' },
  { q: 'Are changes to a Gate key instant?', page: G, fact: 'instant' },
  // HTX
  { q: 'Does HTX accept IP ranges on a key?', page: [H, README], fact: 'IPv4' },
  { q: 'huobi key without ip binding, does it expire?', page: [H, README, EX], fact: '90 days' },
  { q: 'How do I enter XAPY’s IPs on HTX?', page: [H, IPS], fact: 'commas' },
  { q: 'Can an HTX sub-user key withdraw by API?', page: [H, EX], fact: /parent account|\| no/ },
  { q: 'Which HTX boxes should I tick for Read + Trade?', page: H, fact: ['Read', 'Trade'] },
  // CoinEx
  { q: 'Does CoinEx need a separate whitelist for API withdrawals?', page: [CX, WL], fact: /API/ },
  { q: 'my new coinex key says Access ID does not exist', page: CX, fact: '10 minutes' },
  { q: 'coinex max ips per key', page: [CX, README, EX, IPS], fact: /up to 50|50 addresses/ },
  { q: 'Can I see over the API which boxes I ticked on CoinEx?', page: [CX, KEYC], fact: /no endpoint|cannot/ },
  { q: 'What does CoinEx error 4007 mean?', page: [TS, CX], fact: 'IP Prohibited' },
  // KuCoin
  { q: 'Does KuCoin need a passphrase for the API key?', page: [K, EX], fact: 'passphrase' },
  { q: 'Why does KuCoin show my IPs with stars in the middle?', page: [K, KEYC], fact: /203\.\.154/ }, // the docs' masked 203.**.154; plainAnswer drops the stars
  { q: 'after how long does kucoin delete an unused key without IPs', page: [K, README, EX], fact: '30 days' },
  { q: 'kucoin read write boxes', page: K, fact: ['Flex Transfer', 'Withdrawal'] },
  { q: 'Should I pick API Trading or Link Third-Party Applications on KuCoin?', page: K, fact: 'API Trading' },
  { q: 'how many IP addresses can I put on a kucoin key', page: [K, README, EX, IPS], fact: /up to 20|20 addresses/ },
  // Generate API key
  { q: 'Which permissions should I enable on the API key for XAPY?', page: GEN, fact: 'Read + Trade' },
  { q: 'whats the difference between read+trade and read-write', page: [GEN, SEC], fact: /withdraw/ },
  { q: 'What must I finish before giving my API key withdrawal permission?', page: [GEN, WL], fact: /whitelist/ },
  { q: 'Can XAPY withdraw my money with a Read + Trade key?', page: [GEN, FAQ, SEC], fact: /no|cannot/ },
  { q: 'Do I need to enable spot, margin or options trading?', page: GEN, fact: /not needed|leave/ },
  { q: 'Can I reuse the API key I already have for XAPY?', page: GEN, fact: 'new key' },
  { q: 'my api secret got leaked what do i do', page: [GEN, SEC], fact: /delete the key/ },
  { q: 'Where should I keep the API secret?', page: [GEN, SEC], fact: 'password manager' },
  { q: 'Will the exchange show me the secret again later?', page: [GEN, SEC], fact: 'only once' },
  { q: 'Where in XAPY do I paste the key and secret?', page: [GEN, ...EIGHT.map((e) => `integration/exchanges/${e.toLowerCase()}`)], fact: 'Settings → API keys' },
  // Whitelist withdrawal addresses
  { q: 'How do I set up withdrawal address whitelisting between my exchanges?', page: WL, fact: 'deposit address' },
  { q: 'Which network should I use for USDT transfers between exchanges?', page: WL, fact: 'network' },
  { q: 'Can XAPY edit my withdrawal whitelist?', page: [WL, SEC], fact: /two-factor|login/ },
  { q: 'I am adding a third exchange, what changes in the whitelists?', page: WL, fact: 'deposit addresses' },
  { q: 'Should I test a withdrawal before turning on Read-Write?', page: WL, fact: 'small' },
  { q: 'Is it OK to leave my personal wallet address in the whitelist?', page: WL, fact: /way out|personal wallet/ },
  { q: 'Which exchanges limit API withdrawals to the whitelist?', page: WL, fact: ['Bitget', 'Bybit', 'OKX'] },
  { q: 'What is the whitelist-only setting called on OKX?', page: [WL, O], fact: 'Allowlist' },
  { q: 'name of binance withdrawal whitelist switch', page: [WL, B], fact: 'Withdrawal Address Whitelist' },
  // XAPY's server IPs
  { q: 'What are XAPY’s server IP addresses?', page: IPS, fact: '192.0.2.10' },
  { q: 'Someone in Telegram sent me a different list of XAPY server addresses, should I use it?', page: [IPS, SEC], fact: /do not use|controls/ },
  { q: 'XAPY added a server, what do I need to change?', page: IPS, fact: /add new servers|IP restriction/ },
  { q: 'Is the server list available as JSON for a script?', page: [IPS, AGENTS], fact: '/servers.json' },
  { q: 'what IPs do i whitelist for xapy', page: [IPS, GEN], fact: '192.0.2.10' },
  // IP whitelist checker
  { q: 'How can I check the IP list on my key before saving it?', page: [IPC, GEN, IPS], fact: 'IP whitelist checker' },
  { q: 'Can I paste IPv6 addresses or CIDR ranges into the checker?', page: IPC, fact: /IPv6|ranges/ },
  { q: 'What does the verdict “works, with warnings” mean?', page: [IPC, KEYC, LOOP], fact: /should be|cannot be confirmed/ },
  { q: 'Is a /24 range in my IP list too broad?', page: IPC, fact: 'single addresses' },
  { q: 'How do I call the IP check API with curl?', page: [IPC, AGENTS, IPS], fact: '/api/check/ips' },
  { q: 'what does 0.0.0.0/0 mean in a key’s IP list', page: IPC, fact: 'any computer' },
  { q: 'I put 192.168.1.5 on my key, is that a problem?', page: IPC, fact: /private|mistake/ },
  { q: 'What if my list has more IPs than the exchange allows?', page: IPC, fact: /refused|cut short/ },
  // Withdrawal loop checker
  { q: 'How can I check that my withdrawal whitelists form a closed loop?', page: [LOOP, WL], fact: /loop checker/ },
  { q: 'In what format do I enter deposit addresses in the loop checker?', page: LOOP, fact: 'USDT TRC20' },
  { q: 'is TRC20 the same network as Tron?', page: LOOP, fact: 'TRON' },
  { q: 'What happens if a whitelisted address is on the wrong network?', page: [LOOP, WL], fact: /network/ },
  { q: 'Is there an HTTP API for the withdrawal loop check?', page: [LOOP, WL, AGENTS], fact: '/api/check/addresses' },
  // API key checker
  { q: 'How do I check a key’s permissions from what the exchange reports about it?', page: [KEYC, GEN], fact: /API key checker|endpoint/ },
  { q: 'Which endpoint shows an OKX key’s permissions?', page: [KEYC, O, EX], fact: 'GET /api/v5/account/config' },
  { q: 'Why does the key checker not see the IPs of my Binance key?', page: [KEYC, B], fact: 'ipRestrict' },
  { q: 'what modes does the api key checker have', page: KEYC, fact: /read-trade|Read \+ Trade/ },
  { q: 'Which endpoint reports a Bitget key’s permissions?', page: [KEYC, BG, EX], fact: 'GET /api/v2/spot/account/info' },
  { q: 'I pasted my secret into the key checker by accident', page: KEYC, fact: /secret/ },
  // What XAPY is
  { q: 'Does XAPY hold custody of my funds?', page: [README, FAQ], fact: /never|No\./ },
  { q: 'Which exchanges does XAPY support?', page: [README, EX, FAQ], fact: EIGHT },
  { q: 'How does funding-rate arbitrage make money?', page: README, fact: 'funding' },
  { q: 'What does XAPY do with my keys?', page: README, fact: 'perpetual futures' },
  { q: 'is xapy a crypto exchange', page: [FAQ, README], fact: /not an exchange|No\./ },
  { q: 'Why would XAPY need to move funds between exchanges?', page: [README, GEN], fact: /liquidat|margin/ },
  // Exchange guides (comparison)
  { q: 'Which exchanges ask for a passphrase?', page: EX, fact: ['Bitget', 'KuCoin', 'OKX'] },
  { q: 'On which exchanges can sub-account keys withdraw?', page: EX, fact: ['Bybit', 'OKX'] },
  { q: 'How do I choose a pair of exchanges for Read-Write?', page: EX, fact: 'both exchanges' },
  { q: 'Which exchange allows the most IPs per key?', page: [EX, README, IPS], fact: 'CoinEx' },
  // Troubleshooting
  { q: 'Why does the exchange keep rejecting XAPY’s requests?', page: [FAQ, TS], fact: /missing|IP/ },
  { q: 'What is the most common cause of API key errors?', page: TS, fact: /IP/ },
  { q: 'binance -1022 signature error', page: [TS, B], fact: 'Signature for this request is not valid' },
  { q: 'What does Bybit 33004 mean?', page: [TS, BY], fact: 'expired' },
  // Security
  { q: 'Do I need 2FA on the exchange?', page: [SEC, GEN], fact: 'two-factor' },
  { q: 'How do I rotate an API key without downtime?', page: SEC, fact: /new one first|create the new/ },
  { q: 'Should I trade with XAPY from a sub-account?', page: SEC, fact: 'sub-account' },
  { q: 'How do I spot a fake list of XAPY server IPs?', page: [SEC, IPS], fact: /servers\.json|compare/ },
  { q: 'Can XAPY change my exchange password or two-factor settings?', page: [SEC, WL], fact: /cannot|login/ },
  // FAQ
  { q: 'Will XAPY staff ever ask for my API secret?', page: [FAQ, SEC, CONTACT, GEN], fact: /never/ },
  { q: 'can i add my own ip to the same key', page: [FAQ, GEN, IPC], fact: /No\.|separate key/ },
  { q: 'What happens when my key expires?', page: [FAQ, EX], fact: /new key|read or trade/ },
  { q: 'Why do I have to bind the key to XAPY’s IPs?', page: [FAQ, GEN, SEC], fact: /leak|nobody else|refuses/ },
  { q: 'read+trade or read-write, which should I pick?', page: [FAQ, GEN], fact: 'Read + Trade' },
  // Contact
  { q: 'How do I contact XAPY support?', page: CONTACT, fact: 'contact@xapy.io' },
  { q: 'What should I include when I ask XAPY for help with a key?', page: [CONTACT, TS], fact: /error/ },
  { q: 'does xapy have a telegram group', page: CONTACT, fact: 'XAPY FAQ group' },
  { q: 'Someone from XAPY asked for my passphrase, is that normal?', page: [CONTACT, SEC, FAQ], fact: /never/ },
  // Connect an AI agent
  { q: 'How do I connect my agent to the docs over MCP?', page: AGENTS, fact: '/mcp' },
  { q: 'How can an agent fetch just one section of a page?', page: AGENTS, fact: 'section=' },
  { q: 'What tools does the MCP server offer?', page: AGENTS, fact: 'search_docs' },
  { q: 'how do I add the docs to claude code', page: AGENTS, fact: 'claude mcp add' },
  // Home page
  { q: 'What are the first steps to connect XAPY safely?', page: [HOME, GEN], fact: /Read \+ Trade|whitelist/ },
  { q: 'What tools do these docs have?', page: [HOME, AGENTS], fact: /checker/ },
  // Asked on a page that does not answer them
  { q: 'How many IP addresses can an OKX key hold?', on: CONTACT, page: [O, README, EX, IPS], fact: /up to 20|20 addresses/ },
  { q: 'Does XAPY hold my funds?', on: IPC, page: [FAQ, README], fact: /never|No\./ },
  { q: 'what is the bybit error for an unmatched IP', on: K, page: [TS, BY], fact: '10010' },
  { q: 'Where is the MCP server?', on: B, page: AGENTS, fact: '/mcp' },
  { q: 'Which boxes do I tick on KuCoin for Read + Trade?', on: O, page: K, fact: ['General', 'Futures'] },
  { q: 'How long does a CoinEx key without IPs stay valid?', on: G, page: [CX, README, EX], fact: '90 days' },
  { q: 'What is the email address for XAPY support?', on: WL, page: CONTACT, fact: 'contact@xapy.io' },
  { q: 'What should I do first if a key leaks?', on: LOOP, page: [SEC, GEN], fact: /delete the key/ },
];

// Written later (issue 13, second round), to find weaknesses beyond the questions above without
// looking at the held-out third: every one of these is tuned (none is held out), and they come
// after the original set, so no original question moves between the parts.
const laterTuned = [
  { q: 'How do I reach XAPY by email?', page: CONTACT, fact: 'contact@xapy.io' },
  { q: 'Is there a Telegram group for XAPY?', page: CONTACT, fact: 'Telegram' },
  { q: 'what info should i send when asking support for help with a key', page: CONTACT, fact: /exact error message/ },
  { q: 'Can I keep my API secret in a screenshot?', page: SEC, fact: /screenshots/ },
  { q: 'How often should I review my API keys?', page: SEC, fact: /every few months/ },
  { q: 'Should I use SMS for two-factor?', page: SEC, fact: /authenticator app|hardware key/ },
  { q: 'How fast does deleting a leaked key take effect?', page: SEC, fact: /instant|at once|immediately/ },
  { q: 'Can XAPY move funds between my accounts on one exchange with a Read + Trade key?', page: [SEC, FAQ, GEN], fact: /Cannot|cannot/ },
  { q: 'What does error 40052 on Bitget mean?', page: [BG, TS], fact: '24 hours' },
  { q: 'Which key type do I pick on Bitget, HMAC or RSA?', page: BG, fact: /System-generated/ },
  { q: 'Can a Gate sub-account key withdraw?', page: [G, EX], fact: /cannot withdraw/ },
  { q: 'Does HTX accept IP ranges like /24?', page: [H, EX], fact: /network segments|202\.106\.96\.0\/24/ },
  { q: 'how do i separate the ips in the htx form', page: H, fact: /comma/ },
  { q: 'Does a KuCoin key expire without an IP?', page: [K, EX], fact: /General permission do not expire|do not expire/ },
  { q: 'kucoin read-write key on a sub account possible?', page: [K, EX], fact: /master account/ },
  { q: 'OKX withdraw permission without IP binding, what happens?', page: [O, EX], fact: '14 days' },
  { q: 'Do OKX demo trading keys expire?', page: [O, EX], fact: /Demo-trading keys do not expire/ },
  { q: 'Where do I see how many days my Bybit key has left?', page: BY, fact: 'deadlineDay' },
  { q: 'Can I withdraw from a Bybit sub-account key?', page: [BY, EX], fact: /main account/ },
  { q: 'Which networks count as the same as TRC20 in the loop checker?', page: LOOP, fact: /Tron \(TRC20\)|TRON/ },
  { q: 'What does the dotted line in the loop diagram mean?', page: LOOP, fact: /entry is wrong/ },
  { q: 'Why is a memo needed for some deposits?', page: LOOP, fact: /whose deposit/ },
  { q: 'What happens if I whitelist an old wallet address?', page: [LOOP, WL], fact: /way out of the loop|Remove it/ },
  { q: 'Should I test the loop with a small withdrawal first?', page: WL, fact: /small withdrawal|small amount/ },
  { q: 'What is the largest request body the address check API takes?', page: LOOP, fact: '64 kB' },
  { q: 'Where is the feed of server list changes?', page: IPS, fact: '/servers.atom' },
  { q: 'When XAPY retires a server should I take it off my key?', page: IPS, fact: /remove retired ones/ },
  { q: 'Where can an agent find every page of the docs?', page: [AGENTS, HOME], fact: '/llms.txt' },
  { q: 'How many tools does the MCP server offer?', page: AGENTS, fact: /six tools/ },
  { q: 'How long can a question to ?ask= be?', page: AGENTS, fact: '500 characters' },
  { q: 'What status does the checker API return for an empty request?', page: [KEYC, LOOP], fact: '422' },
  { q: 'Are the server addresses on this site real ones?', page: [IPS, AGENTS, GEN], fact: /documentation addresses|Example addresses/ },
  { q: 'Does the spot permission on a Binance key expire if I skip the IP whitelist?', page: [B, EX, README], fact: '30 days' },
  { q: 'gate api key expiry when no ip is bound?', page: [G, EX, README], fact: '90 days' },
  // Written in the third round, from the built twins, before the engine was run on them.
  { q: 'How long until changes to my Gate key apply?', page: G, fact: '5 minutes' },
  { q: 'gate withdrawal fails with ADDRESS_NOT_USED', page: [G, TS], fact: /manual/ },
  { q: 'Gate futures calls return USER_NOT_FOUND, what do I do?', page: [G, TS], fact: /USDT|never been used/ },
  { q: 'Will a Gate TestNet key work with XAPY?', page: G, fact: /will not work/ },
  { q: 'kucoin error 400004', page: [K, TS], fact: 'passphrase' },
  { q: 'My old KuCoin v2 API key is rejected', page: [K, TS], fact: /V3|version 3/ },
  { q: 'Why can I not tick Withdrawal on my KuCoin key?', page: K, fact: 'IP restriction' },
  { q: 'What is the KuCoin whitelist-only setting called?', page: [K, WL], fact: 'favorite addresses' },
  { q: 'What is the name of the OKX withdrawal whitelist?', page: [O, WL], fact: 'Allowlist' },
  { q: 'Which OKX account do API withdrawals come from?', page: O, fact: 'funding account' },
  { q: 'My OKX account was registered on app.okx.com, which API domain applies?', page: O, fact: 'us.okx.com' },
  { q: 'Does an OKX demo key work on my real account?', page: [O, EX], fact: '50101' },
  { q: 'How long before a new CoinEx key works?', page: [CX, TS], fact: '10 minutes' },
  { q: 'HTX withdrawal fails for lack of balance although I have USDT in futures', page: H, fact: /spot account/ },
  { q: 'Does HTX have a separate futures permission?', page: H, fact: /no separate futures permission|Trade box/ },
  { q: 'bybit error 10003 with a testnet key', page: [BY, TS], fact: /environments|testnet/ },
  { q: 'Can a Bitget key withdraw from any IP?', page: BG, fact: /IP bound|whitelisted IP/ },
  { q: 'Binance won’t let me tick Enable Withdrawals', page: B, fact: /trusted IPs/ },
  { q: 'Should I put my XAPY funds in a sub-account?', page: SEC, fact: /sub-account/ },
  { q: 'Can I reuse the API key I made for my tax tool?', page: [SEC, GEN], fact: /its own key|new key/ },
  { q: 'Which stablecoin does XAPY rebalance margin in?', page: WL, fact: 'USDT' },
  { q: 'I stopped using an exchange, what should I clean up?', page: WL, fact: /remove its addresses|delete its key/ },
  { q: 'Can I paste my IPs to the checker as a JSON array?', page: IPC, fact: 'JSON array' },
  { q: 'Is an address with a port like 1.2.3.4:443 ok for the whitelist?', page: IPC, fact: /refused/ },
  { q: 'Does the IP checker send my list to a server?', page: IPC, fact: /Nothing you paste|never/ },
  { q: 'What does a warn verdict mean in the IP checker?', page: IPC, fact: /will work/ },
  { q: 'Does XAPY trade spot?', page: [GEN, README], fact: /perpetual futures/ },
  { q: 'What code does XAPY ask for when I save a key?', page: GEN, fact: 'two-factor code' },
  // Also third round, after a held-out reading fell: questions with "how long", "enable", "need",
  // "pick" and "reach" in them, to test those changes on questions nothing was tuned on yet.
  { q: 'How long is a Bybit key without an IP valid?', page: [BY, EX, README], fact: '90 days' },
  { q: 'How long does an unused KuCoin key without IPs last?', page: [K, EX, README], fact: '30 days' },
  { q: 'How long must I wait after a manual withdrawal on Gate before XAPY can withdraw there?', page: G, fact: '24 hours' },
  { q: 'How long does Bitget block withdrawals after I change my security settings?', page: [BG, TS], fact: /24 hours|a day/ },
  { q: 'How long is the API secret shown after I create the key?', page: [GEN, SEC], fact: 'only once' },
  { q: 'Should I enable withdrawals on my Binance key for Read + Trade?', page: B, fact: 'Leave off' },
  { q: 'Do I have to turn on the whitelist-only switch?', page: [WL, GEN], fact: /switch on|turn it on/ },
  { q: 'Can I activate Withdrawal on KuCoin without an IP restriction?', page: K, fact: 'IP restriction' },
  { q: 'Do I need a futures account before I create the key?', page: [GEN, B, BG, BY, CX, G, H, K, O], fact: 'futures account' },
  { q: 'What do I need to give XAPY besides the key and the secret?', page: GEN, fact: 'passphrase' },
  { q: 'Which network should I pick for moving USDT between two exchanges?', page: WL, fact: 'both support' },
  { q: 'How do I get in touch with XAPY on Telegram?', page: CONTACT, fact: 'XAPY FAQ group' },
  { q: 'Do I need two-factor on XAPY as well?', page: [SEC, GEN], fact: /on XAPY|XAPY asks/ },
  // Also third round: the original set's own patterns, asked about other exchanges and codes.
  { q: 'What does CoinEx error 4007 mean?', page: [TS, CX], fact: 'IP Prohibited' },
  { q: 'htx error 12005', page: [TS, H], fact: 'Incorrect IP address' },
  { q: 'What does KuCoin error 400006 mean?', page: [TS, K], fact: 'Invalid request IP' },
  { q: 'okx 50120 error', page: [TS, O], fact: /permission/ },
  { q: 'What is Gate error INVALID_SIGNATURE?', page: [TS, G], fact: 'Invalid signature' },
  { q: 'Which boxes do I tick on Bybit for Read-Write?', page: BY, fact: ['Wallet: Withdrawal', 'Account Transfer'] },
  { q: 'which okx boxes for read + trade', page: O, fact: 'Read; Trade' },
  { q: 'How many IPs can a KuCoin key have?', page: [K, EX, README, IPS], fact: /up to 20|20 addresses/ },
  { q: 'Does OKX want a passphrase?', page: [O, EX], fact: 'passphrase' },
  { q: 'How do I enter XAPY’s IPs on Binance?', page: [B, IPS], fact: /one address per line|one at a time/ },
  { q: 'Does Bybit take IPv6 addresses on a key?', page: [BY, README], fact: /not documented|IPv4/ },
  { q: 'What happens to an OKX key with no IP after two weeks unused?', page: [O, EX, README], fact: '14 days' },
  { q: 'Can I check over the API which permissions my Bybit key has?', page: [BY, KEYC, EX], fact: '/v5/user/query-api' },
  // Also third round, the last batch: written before the engine was run on them.
  { q: 'Is XAPY an exchange?', page: [FAQ, README], fact: /No\.|software/ },
  { q: 'What is the Bybit withdrawal whitelist setting called?', page: [BY, WL], fact: 'Withdraw via Address Book' },
  { q: 'Does Gate have a whitelist-only switch?', page: [G, WL], fact: 'not documented' },
  { q: 'Will XAPY staff ever ask me for my API secret?', page: [FAQ, SEC, CONTACT, GEN], fact: /never/ },
  { q: 'exchange keeps rejecting xapy requests, why', page: [FAQ, TS], fact: /missing|not ticked/ },
  { q: 'Which networks can I use for USDC?', page: WL, fact: 'no exchange here publishes' },
  { q: 'How do I send my checker report to support?', page: [CONTACT, IPC], fact: 'Copy report' },
  { q: 'What does the too-many-entries rule mean?', page: IPC, fact: /caps|cut short/ },
  { q: 'Which exchanges expire keys after 90 days without an IP?', page: [EX, README], fact: ['Bybit', 'CoinEx', 'Gate'] },
  { q: 'Where does XAPY publish its server IPs?', page: [IPS, SEC, GEN], fact: /only place|servers\.json|this site/ },
  // Fourth round (2026-12-02, about 17:30 UTC), written from the built twins before the engine was run on
  // them: CoinEx and other exchanges' facts rows, pitfalls in other words, the key checker's modes and
  // verdicts, security habits, the server list, typos and questions asked on another exchange's guide.
  { q: 'how many addresses can i whitelist on a coinex key', page: [CX, EX, README, IPS], fact: /up to 50|50 addresses/ },
  { q: 'coinex new api key says access id does not exist', page: [CX, TS], fact: '10 minutes' },
  { q: 'coinex withdrawl fails with invalid withdrawal address', page: [CX, TS], fact: 'API withdrawal whitelist' },
  { q: 'Is there an endpoint that shows my CoinEx key permissions?', page: [CX, EX], fact: /no endpoint|No CoinEx endpoint/ },
  { q: 'Does CoinEx take IPv6 on a key?', page: [CX, README], fact: /IPv6 addresses \| yes|IPv4 and IPv6/ },
  { q: 'Can I use an IP range on an OKX key?', page: [O, README], fact: /Ranges \(CIDR\) \| yes|OKX\]\([^)]*\) \| \[up to 20\]\([^)]*\) \| \[yes\]/ },
  { q: 'gate cidr ranges allowed in the ip whitelist?', page: [G, README], fact: /Ranges \(CIDR\) \| no\b|Gate\]\([^)]*\) \| \[up to 20\]\([^)]*\) \| \[no\]/ },
  { q: 'Where do I create an OKX API key in the mobile app?', page: O, fact: 'Create API key' },
  { q: 'bybit new address withdrawal lock, how long?', page: [BY, WL], fact: '24 hours' },
  { q: 'My KuCoin key vanished after a month of not using it', page: [K, EX, README], fact: '30 days' },
  { q: 'kucoin api returns ip list with stars in it', page: K, fact: /stars|by eye/ },
  { q: 'Should I pick Link Third-Party Applications on KuCoin?', page: K, fact: 'API Trading' },
  { q: 'Can an HTX sub-user key withdraw by API?', page: [H, EX], fact: /parent/ },
  { q: 'from which htx wallet does xapy withdraw', page: H, fact: 'spot account' },
  { q: 'binance unticked spot & margin trading on my key by itself', page: B, fact: /trusted IPs|no trusted/ },
  { q: 'Will my Binance futures demo key work with XAPY?', page: B, fact: /live account/ },
  { q: 'Binance error -4109 inactive account, what now?', page: [B, TS], fact: /futures wallet|futures account/ },
  { q: 'OKX says the withdrawal address is not on the verified list', page: [O, TS], fact: 'verified address' },
  { q: 'how long does okx keep an address verified', page: O, fact: '30 days' },
  { q: 'I lost my Bitget passphrase', page: [BG, GEN], fact: /create a new one|create a new key|cannot show it again|cannot retrieve/ },
  { q: 'Gate: do I have to withdraw by hand once before XAPY can?', page: G, fact: /manually|manual withdrawal/ },
  { q: 'How do I swap an old key for a new one without XAPY stopping?', page: [SEC, GEN], fact: /create the new one first/ },
  { q: 'someone on telegram sent me a different list of xapy server ips', page: [SEC, IPS], fact: /only list|only place|trying to get you/ },
  { q: 'Is a stolen key useless if it is bound to XAPY IPs?', page: [SEC, FAQ], fact: /little use|nobody else/ },
  { q: 'Can XAPY change my two-factor settings with a Read-Write key?', page: SEC, fact: /need your login/ },
  { q: 'What does works with warnings mean in the API key checker?', page: KEYC, fact: /will work/ },
  { q: 'What if I paste my secret into the key checker by mistake?', page: KEYC, fact: /fails the check|exposed/ },
  { q: 'What modes does the API key checker have?', page: KEYC, fact: ['Read + Trade', 'Read-Write'] },
  { q: 'Can I build a withdrawal loop with only one exchange?', page: LOOP, fact: /at least two|nowhere to move/ },
  { q: 'What is the current version of the server list?', page: IPS, fact: '2026112601' },
  { q: 'how will i know if xapys server ips change', page: IPS, fact: /servers\.atom|new date/ },
  { q: 'Can I add my home IP to the XAPY key as well?', page: [FAQ, GEN, IPC, SEC], fact: /separate key/ },
  { q: 'what happens when my api key expires', page: [FAQ, EX], fact: /no longer read or trade/ },
  { q: 'What should I look at when choosing two exchanges?', page: EX, fact: /withdraw to whitelisted addresses|Sub-account keys can withdraw/ },
  { q: 'how many IPs does binance allow per key', on: O, page: [B, README, IPS, EX], fact: /up to 30|30 addresses/ },
  { q: 'whitlist adress setting for bybit withdrawls', page: [BY, WL], fact: 'Withdraw via Address Book' },
  { q: 'KuCoin error 400005', on: SEC, page: [K, TS], fact: /KC-API-SIGN|signature/ },
];

// Sixth round (2026-12-02, 22:20 UTC), written from the built twins before the engine was run on them,
// aimed at the kinds the fifth round still missed: a number asked in another unit than the docs give
// it in (weeks for "14 days", hours for "a day", "how many addresses"), questions a Troubleshooting
// row could take from the exchange's guide, "my own IP on the XAPY key too", and exchanges' names
// misspelt or in another form (OKEx, Gate.io, Huobi). All tuned; reported apart (`round: 6`).
const sixthRound = [
  { q: 'How many weeks does an OKX key with Trade and no IP last without use?', page: [O, EX, README], fact: '14 days' },
  { q: 'How many hours does Bitget block withdrawals after I change my security settings?', page: [BG, TS], fact: '24 hours' },
  { q: 'How many months is a Bybit key without IPs valid?', page: [BY, EX, README], fact: '90 days' },
  { q: 'How many seconds until a change to my Gate key applies?', page: G, fact: '5 minutes' },
  { q: 'For how many days does OKX keep a withdrawal address verified?', page: O, fact: '30 days' },
  { q: 'How many hours old must my manual Gate withdrawal be before the API can use the address?', page: G, fact: '24 hours' },
  { q: 'How many addresses can I put on a Gate key?', page: [G, EX, README, IPS], fact: /up to 20|20 addresses/ },
  { q: 'how many servers can an htx key be bound to', page: [H, EX, README, IPS], fact: /up to 20|20 addresses/ },
  { q: 'What is the IP limit per key on Bitget?', page: [BG, EX, README, IPS], fact: /up to 30|30 addresses/ },
  { q: 'How many days does a Bybit key without IPs last after I change my password?', page: [BY, EX, README], fact: '7 days' },
  { q: 'How many minutes until a fresh CoinEx key is active?', page: [CX, TS], fact: '10 minutes' },
  { q: 'How long does the OKX new address withdrawal lock last?', page: [O, WL], fact: '24 hours' },
  { q: 'How many weeks can an unused KuCoin futures key without IPs survive?', page: [K, EX, README], fact: '30 days' },
  { q: 'After how many weeks does Binance untick spot trading on a key without trusted IPs?', page: [B, EX, README], fact: '30 days' },
  { q: 'Can OKX reset my API passphrase if I forgot it?', page: [O, GEN], fact: /cannot show it again|cannot recover|make a new key|create a new one/ },
  { q: 'kucoin passphrase forgotten, what now?', page: [K, GEN], fact: /create a new one|cannot show or recover|cannot recover/ },
  { q: 'Bitget refuses my API withdrawal to a new address', page: BG, fact: 'address book' },
  { q: 'My Gate key is rejected right after I added the XAPY IPs', page: G, fact: '5 minutes' },
  { q: 'Binance futures calls fail although Enable Futures is ticked', page: B, fact: /futures account|portfolio margin/ },
  { q: 'My Bybit key stopped working a week after I changed my password', page: [BY, EX, README], fact: '7 days' },
  { q: 'How do I renew an expired CoinEx key?', page: [CX, EX, README], fact: /API management page/ },
  { q: 'HTX withdrawal by API fails from my sub-user key', page: [H, EX], fact: /parent/ },
  { q: 'Can I whitelist my laptop’s IP on the XAPY key too?', page: [FAQ, GEN, IPC, SEC], fact: /separate key/ },
  { q: 'is it ok to also put my vps address on the key i gave xapy', page: [FAQ, GEN, IPC, SEC], fact: /separate key|own key/ },
  { q: 'Can my trading bot use the same API key as XAPY?', page: [SEC, GEN, FAQ], fact: /its own key|separate key/ },
  { q: 'Should I add my office IP to the key so I can test it myself?', page: [FAQ, GEN, IPC, SEC], fact: /separate key/ },
  { q: 'binnance withdrawal whitelist switch name', page: [B, WL], fact: 'Withdrawal Address Whitelist' },
  { q: 'kucion sub account key withdraw?', page: [K, EX], fact: /master account/ },
  { q: 'coinx key says access id does not exist', page: [CX, TS], fact: '10 minutes' },
  { q: 'okex key without ip, when does it expire?', page: [O, EX, README], fact: '14 days' },
  { q: 'gate.io api key how many ips', page: [G, EX, README, IPS], fact: /up to 20|20 addresses/ },
  { q: 'bybt withdrawal from a sub account key', page: [BY, EX], fact: /main account/ },
  { q: 'Which key type should I choose on Bitgte?', page: BG, fact: /System-generated/ },
  { q: 'huobi api withdrawals come from which account?', page: H, fact: 'spot account' },
];

// Seventh round (2026-12-02, 22:55 UTC), written from the docs before the engine was run on them,
// aimed at which page comes first: questions whose answer is on one page while others share its
// words (a guide, Troubleshooting, the FAQ, Security, the address whitelist page, the checkers,
// the server list), questions asked on a page that does not answer them, exchanges by a nickname
// or a typo, and what the checkers do. All tuned; reported apart (`round: 7`).
const seventhRound = [
  { q: 'Where does XAPY publish the list of its server IPs?', page: [IPS, GEN, SEC], fact: /only place|only list/ },
  { q: 'Someone in a Telegram chat sent me new XAPY server addresses, should I add them?', page: [IPS, SEC], fact: /do not use them|trying to get you to whitelist/ },
  { q: 'How do I find out when XAPY adds a new server?', page: IPS, fact: 'servers.atom' },
  { q: 'Is there a machine-readable list of XAPY’s IP addresses?', page: IPS, fact: 'servers.json' },
  { q: 'Does the IP checker upload my list to your servers?', page: [IPC, IPS], fact: /sent anywhere|sends nothing/ },
  { q: 'Can I paste my IPs as a JSON array into the IP checker?', page: IPC, fact: 'JSON array' },
  { q: 'does the ip whitelist checker understand ipv6', page: IPC, fact: 'IPv6' },
  { q: 'What does "Works, with warnings" mean in the API key checker?', page: KEYC, fact: 'something should be changed' },
  { q: 'What happens if I paste my secret into the key checker by mistake?', page: [KEYC, IPC], fact: /exposed/ },
  { q: 'Which Gate endpoint lists the key metadata for the key checker?', page: KEYC, fact: 'main_keys' },
  { q: 'Why does the key checker not see my Binance key’s IP list?', page: KEYC, fact: 'ipRestrict' },
  { q: 'KuCoin hides part of my IPs with stars, what do I give the key checker?', page: KEYC, fact: /full addresses/ },
  { q: 'What does a dotted line in the address loop diagram mean?', page: LOOP, fact: /entry is wrong/ },
  { q: 'What does the loop checker return over HTTP when I send no addresses?', page: LOOP, fact: '422' },
  { q: 'Which URL do scripts POST to for the address loop check?', page: LOOP, fact: '/api/check/addresses' },
  { q: 'My old personal wallet is still on my withdrawal whitelist, is that a problem?', page: WL, fact: /way out of the loop/ },
  { q: 'Why send a small test withdrawal along each path first?', page: WL, fact: /cheaper to discover/ },
  { q: 'What should I name my whitelist entries?', page: WL, fact: 'My Bybit USDT' },
  { q: 'Can a Read-Write key change my whitelist or my 2FA settings?', page: SEC, fact: /need your login/ },
  { q: 'How do I replace a key without XAPY losing access?', page: SEC, fact: /create the new one first/ },
  { q: 'I think my API key leaked, what do I do first?', page: SEC, fact: /Delete the key on the exchange/ },
  { q: 'Should I trade with XAPY from a sub-account?', page: SEC, fact: /limits what any key can reach/ },
  { q: 'Does XAPY trade spot or options?', page: GEN, fact: /perpetual futures only/ },
  { q: 'Can I use Read-Write on one exchange and Read + Trade on another?', page: GEN, fact: /same level on every exchange/ },
  { q: 'Why open my futures account before I create the key?', page: GEN, fact: /cannot trade them/ },
  { q: 'What is the most common reason an exchange refuses XAPY’s requests?', page: [TS, FAQ], fact: /missing or extra address|missing from the key/ },
  { q: 'The passphrase in XAPY is wrong, can the exchange show it to me again?', page: [TS, GEN, SEC], fact: /cannot show the secret again|cannot recover/ },
  { q: 'I looked up my error code and it still fails, what now?', page: [TS, CONTACT], fact: /exact error code/ },
  { q: 'Is XAPY itself a crypto exchange?', page: [FAQ, README], fact: /software/ },
  { q: 'What happens to my open positions when a key expires?', page: FAQ, fact: /watch your positions/ },
  { q: 'Will XAPY support ever message me asking for my 2FA code?', page: [FAQ, SEC], fact: /Never|take your funds/ },
  { q: 'What is the most IPs Binance lets me put on a key?', on: KEYC, page: [B, EX, README, IPS], fact: /up to 30|30 addresses/ },
  { q: 'Where do I enter the new key in XAPY?', on: TS, page: [GEN, SEC], fact: /Settings/ },
  { q: 'What does a Fail from the IP checker mean?', on: IPS, page: IPC, fact: /would be refused/ },
  { q: 'How do I stop my OKX key withdrawing to addresses I did not approve?', on: SEC, page: [O, WL], fact: 'Allowlist' },
  { q: 'huobi error 12005', page: [H, TS], fact: /Incorrect IP address/ },
  { q: 'binanse ip limit per key', page: [B, EX, README, IPS], fact: /up to 30|30 addresses/ },
  { q: 'okx.com api key without ip binding expiry', page: [O, EX, README], fact: '14 days' },
  { q: 'okx passphrase lost, can they reset it?', on: FAQ, page: [O, GEN], fact: /cannot show it again|cannot recover|create a new one/ },
];

const offTopic = [
  'How do I bake sourdough bread?',
  'What will the weather be in Paris tomorrow?',
  'Who won the 2022 World Cup?',
  'How do I reset my Netflix password?',
  'Translate “good morning” into French',
  'What is the capital of Australia?',
  'How do I install Python on Windows?',
  'Where is the best pizza in New York?',
  'How do I teach a puppy to sit?',
  'What is the price of Bitcoin today?',
  'Should I buy Ethereum now?',
  'How do I file my taxes in Germany?',
  'Write me a poem about the sea',
  'How many legs does a spider have?',
  'At what temperature does water boil?',
  'How do I change a flat tyre?',
  'Recommend a good science fiction novel',
  'How long should I cook rice?',
  'What time zone is Tokyo in?',
  'How do I delete my Facebook account?',
  'Explain quantum entanglement simply',
  'How tall is Mount Everest?',
  'How do I fix a leaking kitchen tap?',
  'Which smartphone has the best camera?',
];

// Written later (fifth round, 2026-12-02, 18:10 UTC), all tuned: off-topic questions heavy with common
// English words these docs never use or use otherwise ("build", "swap", "house", "office"), and with
// the docs' own words in another sense (a house key, a post office address, an exchange rate), to
// check that answering more docs questions does not answer these. Reported apart.
const laterOffTopic = [
  'How do I build a treehouse for my kids?',
  'Can I swap my winter tyres for summer ones myself?',
  'What is the best way to learn the guitar?',
  'How do I get red wine out of a carpet?',
  'Which vitamins should I take in winter?',
  'How long does it take to fly from London to Madrid?',
  'Can you recommend a good podcast about history?',
  'How do I build muscle without a gym?',
  'What should I name my new cat?',
  'How much water should a tomato plant get?',
  'Is it safe to swim after eating?',
  'How do I replace the battery in my car key?',
  'What is the difference between a crocodile and an alligator?',
  'How many calories are in a banana?',
  'Can I freeze cooked pasta?',
  'Who painted the Mona Lisa?',
  'How do I set up a new printer on my laptop?',
  'Why is the sky blue?',
  'What are the rules of chess castling?',
  'How do I write a cover letter for a job?',
  'Can I change the language of my phone keyboard?',
  'How do I check my credit score?',
  'Should I rent or buy a house?',
  'How do I open a bank account abroad?',
  'What is the speed limit on a German motorway?',
  'Where can I buy a new house key?',
  'How do I change the password of my home wifi?',
  'What is the exchange rate of the euro to the dollar?',
  'How do I swap a broken key on my laptop keyboard?',
  'Can I send a parcel to a new address abroad?',
  'How do I build a stock trading strategy for beginners?',
  'How do I update my address at the post office?',
  'Why does my car key not open the door?',
  'How many days does a letter take to arrive in Spain?',
  'Can I withdraw cash from an ATM without a card?',
];

// Sixth round (2026-12-02, 22:20 UTC), all tuned, reported apart: everyday questions whose words are
// a letter away from the docs' words ("cook" and "book", "rice" and "price") or are the docs' own
// words in another sense (a leather wallet, a bike lock, a tax deadline, a phone number transfer).
const sixthOffTopic = [
  'How do I cook rice without a rice cooker?',
  'What time does the post office close on Saturday?',
  'How many hours of sleep does a teenager need?',
  'Can I transfer my phone number to a new mobile carrier?',
  'How do I reset the password of my email account?',
  'Which bus goes from the airport to the city centre?',
  'How do I store fresh herbs in the fridge?',
  'What is the deadline for filing my tax return?',
  'Can I lock my bike to a street lamp overnight?',
  'Which leather wallet holds the most coins and cards?',
  'How long should I boil an egg?',
  'Is my house insurance valid when I rent the house out?',
  'Where is the nearest hospital?',
];

// Seventh round (2026-12-02, 22:55 UTC), all tuned, reported apart: everyday account questions
// (passwords, PINs, two-factor login on other services) and others whose words the docs share.
const seventhOffTopic = [
  'How do I reset my Gmail password?',
  'I forgot my Netflix password, what should I do?',
  'How do I change the password of my wifi router?',
  'How do I recover a hacked Instagram account?',
  'Can I change my bank card PIN online?',
  'How do I unlock my phone if I forgot the passcode?',
  'What is the speed limit on German motorways?',
  'How many cups of coffee a day are safe to drink?',
  'How do I change the address on my driving licence?',
  'How do I turn on two-step login for my Facebook account?',
];

export const questions = [
  ...onTopic.map((x, i) => ({ ...x, heldOut: i % 3 === 2 })),
  ...laterTuned.map((x) => ({ ...x, heldOut: false, later: true })),
  ...sixthRound.map((x) => ({ ...x, heldOut: false, later: true, round: 6 })),
  ...seventhRound.map((x) => ({ ...x, heldOut: false, later: true, round: 7 })),
];
export const offTopicQuestions = [
  ...offTopic.map((q, i) => ({ q, heldOut: i % 3 === 2 })),
  ...laterOffTopic.map((q) => ({ q, heldOut: false, later: true })),
  ...sixthOffTopic.map((q) => ({ q, heldOut: false, later: true, round: 6 })),
  ...seventhOffTopic.map((q) => ({ q, heldOut: false, later: true, round: 7 })),
];

/** The plain text an answer is checked in: Markdown emphasis, escapes and code marks removed, spaces collapsed. */
export const plainAnswer = (s) => (s ?? '').replace(/\\([\\`*_[\]#+\-.!|])/g, '$1').replace(/[*`]/g, '').replace(/\s+/g, ' ');

/** Does an answer hold a question's fact (all parts of it)? */
export function hasFact(answer, fact) {
  const text = plainAnswer(answer);
  return [fact].flat().every((f) => (f instanceof RegExp ? new RegExp(f.source, 'i').test(text) : text.toLowerCase().includes(f.toLowerCase())));
}
