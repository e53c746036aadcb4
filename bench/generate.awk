# Deterministic benchmark dataset (issue #7): run with gawk (srand/rand/strftime are gawk's), e.g.
#   gawk -v units=50 -v customers=10000 -v opportunities=100000 -v out=DIR -f bench/generate.awk
# Writes into DIR: units.csv, customers.csv, opportunities.csv (the service's import format, CSV header row) and
# units.copy, customers.copy, opportunities.copy (the same rows shaped like the tables, with the ids the service assigns when it
# imports the files in order: unit i = id i, customer n = id n), for the COPY references.
# Skewed unit sizes (weight of unit i ~ 1 / i^0.9), ~70 % cross-unit opportunities, WON/LOST/OPEN = 45/35/20 %,
# ~2 000 owners (5 % without owner), 5 segments (10 % without), opportunities opened 2015-01-01 .. 2025-12-31, each
# after its customer's joining day (a cross-sell is offered to an existing customer; docs/benchmarks.md). updatedAt is
# the record's last change in the CRM: its joining day (customers), its closing or else opening instant
# (opportunities; some close in 2026), plus up to 30 days. It comes from the row number, not a random draw, so every
# other field is what the generator wrote when every row had updatedAt 2025-12-31T00:00:00Z.
BEGIN {
    srand(20251123)
    OFS = ","
    split("SMB RETAIL CORPORATE PRIVATE PUBLIC", segment, " ")
    owners = 2000
    total = 0
    for (i = 1; i <= units; i++) { weight[i] = 1 / (i ^ 0.9); total += weight[i] }
    # a table of 10 000 slots mapping a uniform draw to a unit with the skewed weights
    slot = 0
    for (i = 1; i <= units; i++) {
        upto = int((cum += weight[i]) / total * 10000 + 0.5)
        for (; slot < upto; slot++) pick[slot] = i
    }
    for (; slot < 10000; slot++) pick[slot] = units
    for (i = 1; i <= units; i++) code[i] = sprintf("U%02d", i)

    print "code,name" > (out "/units.csv")
    for (i = 1; i <= units; i++) {
        print code[i], "Business unit " i > (out "/units.csv")
        print i, code[i], "Business unit " i > (out "/units.copy")
    }

    since0 = 1262304000          # 2010-01-01
    sinceSpan = 16 * 365 * 86400 # to the end of 2025
    print "externalId,name,homeUnit,customerSince,segment,updatedAt" > (out "/customers.csv")
    for (n = 1; n <= customers; n++) {
        home[n] = pick[int(rand() * 10000)]
        sinceAt[n] = since0 + int(rand() * sinceSpan / 86400) * 86400
        since = strftime("%Y-%m-%d", sinceAt[n], 1)
        s = rand() < 0.1 ? "" : segment[int(rand() * 5) + 1]
        seg[n] = s
        id = sprintf("C%08d", n)
        updated = changed(sinceAt[n], n)
        print id, "Customer " n, code[home[n]], since, s, updated > (out "/customers.csv")
        print n, id, "Customer " n, home[n], since, s, updated > (out "/customers.copy")
    }

    open0 = 1420070400           # 2015-01-01T00:00:00Z
    openSpan = 1767225600 - open0 # to 2026-01-01
    print "externalId,customer,productUnit,product,owner,status,openedAt,closedAt,amount,updatedAt" \
        > (out "/opportunities.csv")
    for (n = 1; n <= opportunities; n++) {
        c = int(rand() * customers) + 1
        if (rand() < 0.3) p = home[c]
        else { do p = pick[int(rand() * 10000)]; while (p == home[c] && units > 1) }
        r = rand()
        st = r < 0.45 ? "WON" : (r < 0.80 ? "LOST" : "OPEN")
        # a cross-sell is offered to an existing customer: opened after the customer's joining day
        first = sinceAt[c] + 86400 > open0 ? sinceAt[c] + 86400 : open0
        if (first > open0 + openSpan - 86400) first = open0 + openSpan - 86400
        t = first + int(rand() * (open0 + openSpan - first))
        opened = strftime("%Y-%m-%dT%H:%M:%SZ", t, 1)
        closedAt = st == "OPEN" ? 0 : t + int(rand() * 180 * 86400)
        closed = st == "OPEN" ? "" : strftime("%Y-%m-%dT%H:%M:%SZ", closedAt, 1)
        owner = rand() < 0.05 ? "" : sprintf("owner-%04d", int(rand() * owners) + 1)
        amount = sprintf("%.2f", rand() * 100000)
        id = sprintf("O%09d", n)
        cid = sprintf("C%08d", c)
        updated = changed(st == "OPEN" ? t : closedAt, n)
        print id, cid, code[p], "Product " (n % 40), owner, st, opened, closed, amount, updated \
            > (out "/opportunities.csv")
        # the table's row as the service stores it, with the customer's columns V8 copies onto it
        print n, id, c, p, "Product " (n % 40), owner, st, opened, closed, amount, updated, home[c], \
            strftime("%Y-%m-%d", sinceAt[c], 1), seg[c] > (out "/opportunities.copy")
    }
}

# the instant of a record's last change: `at` plus 0 to 30 days, spread by row number n (no random draw); before
# 2027, the NDJSON re-import's updatedAt (bench/run)
function changed(at, n) {
    return strftime("%Y-%m-%dT%H:%M:%SZ", at + (n * 7919) % (30 * 86400), 1)
}
