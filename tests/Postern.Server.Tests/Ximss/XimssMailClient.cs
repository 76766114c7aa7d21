using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Postern.Testing;

namespace Postern.Server.Tests.Ximss;

/// <summary>
/// A logged-in XIMSS session for end-to-end mail tests, over either binding: requests answered with their
/// data messages, and the asynchronous messages (those without an <c>id</c>) kept apart until awaited.
/// </summary>
internal abstract partial class XimssMailClient : IAsyncDisposable
{
    private readonly List<string> _unsolicited = [];

    public string SessionId { get; protected set; } = "";

    /// <summary>A session of <paramref name="user"/> over <paramref name="binding"/> (<c>tcp</c> or <c>http</c>).</summary>
    public static async Task<XimssMailClient> LoginAsync(XimssServerFixture server, string binding, string user, string password = XimssServerFixture.Password)
    {
        XimssMailClient client = binding switch
        {
            "tcp" => new Tcp(await XimssTcpClient.ConnectAsync(server.XimssPort)),
            "http" => new Http(server),
            _ => throw new ArgumentOutOfRangeException(nameof(binding), binding, "tcp or http"),
        };
        await client.StartAsync(user, password);
        return client;
    }

    /// <summary>Sends one request and returns its data messages and its response, each as text.</summary>
    public async Task<List<string>> RequestAsync(string id, string xml)
    {
        var replies = new List<string>();
        foreach (var message in await ExchangeAsync(id, xml))
        {
            if (IsUnsolicited(message))
            {
                lock (_unsolicited)
                    _unsolicited.Add(message);
            }
            else
            {
                replies.Add(message);
            }
        }
        return replies;
    }

    /// <summary>Waits (at most <see cref="XimssTcpClient.ReplyTimeout"/>) for an asynchronous message matching <paramref name="match"/>.</summary>
    public async Task<string> WaitForAsync(Func<string, bool> match)
    {
        using var timeout = new CancellationTokenSource(XimssTcpClient.ReplyTimeout);
        while (true)
        {
            lock (_unsolicited)
            {
                var index = _unsolicited.FindIndex(m => match(m));
                if (index >= 0)
                {
                    var found = _unsolicited[index];
                    _unsolicited.RemoveRange(0, index + 1);
                    return found;
                }
            }
            var more = await ReceiveUnsolicitedAsync(timeout.Token);
            lock (_unsolicited)
                _unsolicited.AddRange(more);
        }
    }

    public abstract ValueTask DisposeAsync();

    protected abstract Task StartAsync(string user, string password);

    /// <summary>Everything the server sent up to and including the response to <paramref name="id"/>.</summary>
    protected abstract Task<IReadOnlyList<string>> ExchangeAsync(string id, string xml);

    /// <summary>Waits for the next asynchronous messages.</summary>
    protected abstract Task<IReadOnlyList<string>> ReceiveUnsolicitedAsync(CancellationToken cancellationToken);

    private static bool IsUnsolicited(string message) => !RequestReply().IsMatch(message);

    [GeneratedRegex("^<[A-Za-z-]+ id=\"")]
    private static partial Regex RequestReply();

    [GeneratedRegex("urlID=\"([^\"]+)\"")]
    private static partial Regex UrlId();

    private sealed class Tcp(XimssTcpClient connection) : XimssMailClient
    {
        protected override async Task StartAsync(string user, string password) => SessionId = await connection.LoginAsync(user, password);

        protected override async Task<IReadOnlyList<string>> ExchangeAsync(string id, string xml) => await connection.RequestAsync(id, xml);

        protected override async Task<IReadOnlyList<string>> ReceiveUnsolicitedAsync(CancellationToken cancellationToken) =>
            [await connection.ReceiveAsync().WaitAsync(cancellationToken)];

        public override ValueTask DisposeAsync() => connection.DisposeAsync();
    }

    /// <summary>The HTTP binding as Samoware uses it: <c>sync</c> posts, and long polls acknowledging what came before.</summary>
    private sealed class Http(XimssServerFixture server) : XimssMailClient
    {
        private readonly HttpClient _http = new() { Timeout = TimeSpan.FromMinutes(2) };
        private long _ackSeq;

        protected override async Task StartAsync(string user, string password)
        {
            var login = await _http.GetStringAsync($"{server.HttpBase}/ximsslogin/?userName={Uri.EscapeDataString(user)}&password={Uri.EscapeDataString(password)}");
            SessionId = UrlId().Match(login).Groups[1].Value;
            Assert.NotEqual("", SessionId);
        }

        protected override async Task<IReadOnlyList<string>> ExchangeAsync(string id, string xml)
        {
            using var body = new StringContent($"<XIMSS>{xml}</XIMSS>", Encoding.UTF8, "text/xml");
            using var response = await _http.PostAsync($"{server.HttpBase}/Session/{SessionId}/sync", body);
            response.EnsureSuccessStatusCode();
            return Children(await response.Content.ReadAsStringAsync()).messages;
        }

        protected override async Task<IReadOnlyList<string>> ReceiveUnsolicitedAsync(CancellationToken cancellationToken)
        {
            using var response = await _http.GetAsync($"{server.HttpBase}/Session/{SessionId}/get?ackSeq={_ackSeq}&maxWait=20", cancellationToken);
            response.EnsureSuccessStatusCode();
            var (respSeq, messages) = Children(await response.Content.ReadAsStringAsync(cancellationToken));
            _ackSeq = respSeq ?? _ackSeq;
            return messages;
        }

        private static (long? respSeq, List<string> messages) Children(string body)
        {
            var container = XElement.Parse(body);
            return ((long?)container.Attribute("respSeq"), container.Elements().Select(Serialize).ToList());
        }

        /// <summary>The message as the server wrote it (LINQ to XML puts a blank before <c>/&gt;</c>; the server does not).</summary>
        private static string Serialize(XElement message) => message.ToString(SaveOptions.DisableFormatting).Replace(" />", "/>", StringComparison.Ordinal);

        public override ValueTask DisposeAsync()
        {
            _http.Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
