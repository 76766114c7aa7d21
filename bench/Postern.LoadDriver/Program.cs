using System.Globalization;
using Postern.LoadDriver;

// Load driver for XIMSS: starts `postern serve` on a temporary data directory and runs the scenarios of
// docs/performance.md ("XIMSS transport and sessions", "XIMSS mail operations"). Results are table rows.
//
//   dotnet run -c Release --project bench/Postern.LoadDriver -- [scenario] [--count N] [--seconds S]
//
// Scenarios: noop, login, idle-tcp, polls, mail-append, mail-submit, mail-notify, mail-large, mail (the four
// mail ones), all (the default). --count is the mailbox size of mail-large (default 100,000).
var scenario = args.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal)) ?? "all";
var count = Option("--count", 10_000);
var seconds = Option("--seconds", 10);
var samples = Option("--samples", 1_000);

if (scenario is "noop" or "all")
{
    await using var server = await ServerUnderTest.StartAsync(pbkdf2Iterations: 1_000);
    await Scenarios.NoopThroughputAsync(server, sessions: 1, depth: 100, TimeSpan.FromSeconds(seconds));
    await Scenarios.NoopThroughputAsync(server, sessions: 100, depth: 10, TimeSpan.FromSeconds(seconds));
}
if (scenario is "login" or "all")
{
    // The default PBKDF2 cost makes plain logins as slow as they should be; CRAM-MD5 checks a stored HMAC state.
    await using (var server = await ServerUnderTest.StartAsync(pbkdf2Iterations: 210_000))
    {
        await Scenarios.LoginRateAsync(server, count: 200, concurrency: 8, cramMd5: false, "PBKDF2 210,000 iterations");
        await Scenarios.LoginRateAsync(server, count: 2_000, concurrency: 8, cramMd5: true, "PBKDF2 210,000 iterations");
    }
    await using (var server = await ServerUnderTest.StartAsync(pbkdf2Iterations: 1_000))
        await Scenarios.LoginRateAsync(server, count: 2_000, concurrency: 8, cramMd5: false, "PBKDF2 1,000 iterations");
}
if (scenario is "idle-tcp" or "all")
{
    await using var server = await ServerUnderTest.StartAsync(pbkdf2Iterations: 1_000);
    await Scenarios.IdleTcpAsync(server, count);
}
if (scenario is "polls" or "all")
{
    await using var server = await ServerUnderTest.StartAsync(pbkdf2Iterations: 1_000);
    await Scenarios.ParkedPollsAsync(server, count, samples);
}
if (scenario is "mail-append" or "mail" or "all")
{
    await using var server = await ServerUnderTest.StartAsync(pbkdf2Iterations: 1_000);
    await MailScenarios.ThroughputAsync(server, submit: false, clients: 8, perClient: 200);
}
if (scenario is "mail-submit" or "mail" or "all")
{
    await using var server = await ServerUnderTest.StartAsync(pbkdf2Iterations: 1_000);
    await MailScenarios.ThroughputAsync(server, submit: true, clients: 8, perClient: 100);
}
if (scenario is "mail-notify" or "mail" or "all")
{
    await using var server = await ServerUnderTest.StartAsync(pbkdf2Iterations: 1_000);
    await MailScenarios.NotifyLatencyAsync(server, samples: 200);
}
if (scenario is "mail-large" or "mail" or "all")
{
    await using var server = await ServerUnderTest.StartAsync(pbkdf2Iterations: 1_000);
    await MailScenarios.LargeMailboxAsync(server, messages: Option("--count", 100_000), repetitions: 5);
}
return 0;

int Option(string name, int fallback)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? int.Parse(args[index + 1], CultureInfo.InvariantCulture) : fallback;
}
