using System.Globalization;

namespace Postern.WebUser.LoadDriver;

/// <summary>What to run: the scenarios, their size and length, and which server.</summary>
internal sealed record LoadOptions
{
    /// <summary>Messages in the INBOX of the self-hosted server.</summary>
    public int Messages { get; init; } = 100_000;

    /// <summary>Concurrent clients of the mailbox scenario, each with its own session.</summary>
    public int Clients { get; init; } = 32;

    /// <summary>Rows per mailbox page.</summary>
    public int Rows { get; init; } = 50;

    /// <summary>Measured seconds per scenario (after a warm-up of a fifth of it).</summary>
    public int Seconds { get; init; } = 20;

    /// <summary>Clients of the message-page scenario.</summary>
    public int MessageClients { get; init; } = 4;

    /// <summary>Size of the large message of the message-page scenario.</summary>
    public int MessageBytes { get; init; } = 1 << 20;

    /// <summary><c>mailbox</c>, <c>paging</c>, <c>message</c> or <c>all</c>.</summary>
    public string Scenario { get; init; } = "all";

    public static LoadOptions Parse(string[] args)
    {
        var options = new LoadOptions();
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            var value = args[i + 1];
            options = args[i] switch
            {
                "--messages" => options with { Messages = Number(value) },
                "--clients" => options with { Clients = Number(value) },
                "--rows" => options with { Rows = Number(value) },
                "--seconds" => options with { Seconds = Number(value) },
                "--message-clients" => options with { MessageClients = Number(value) },
                "--scenario" => options with { Scenario = value },
                _ => throw new ArgumentException($"unknown option {args[i]}; options: --messages --clients --rows --seconds --message-clients --scenario"),
            };
        }
        return options;
    }

    private static int Number(string text) => int.Parse(text, NumberStyles.None, CultureInfo.InvariantCulture);
}
