namespace Postern.Ximss;

/// <summary>Caps on what XIMSS clients can make the server hold (configuration section <c>Postern:Ximss:Limits</c>).</summary>
/// <remarks>Every limit is on by default and says where its number comes from; setters refuse values that make no sense.</remarks>
public sealed class XimssServerLimits
{
    /// <summary>
    /// XIMSS channels (TCP connections, including those handed over from the HTTP port) open at once:
    /// CommuniGate's "Maximum Number of Channels". Beyond it a new connection is answered with an
    /// error and closed, and the client retries later. 10,000 is the number of idle sessions a
    /// Postern node is sized for (docs/performance.md).
    /// </summary>
    public int MaxChannels { get; set => field = AtLeast(value, 1); } = 10_000;

    /// <summary>
    /// Channels one client address may hold at once. 100 covers a large office behind one NAT address;
    /// a single host flooding connections is stopped long before <see cref="MaxChannels"/>.
    /// </summary>
    public int MaxChannelsPerAddress { get; set => field = AtLeast(value, 1); } = 100;

    /// <summary>
    /// XIMSS sessions (TCP and HTTP) one client address may hold at once: twice the channel limit,
    /// since a client may keep an HTTP session beside its TCP one.
    /// </summary>
    public int MaxSessionsPerAddress { get; set => field = AtLeast(value, 1); } = 200;

    /// <summary>
    /// How long a connection to the HTTP port may stay silent before its first byte decides between
    /// XIMSS and HTTP; after that it is HTTP's (and HTTP's own keep-alive timeout applies). Kestrel's
    /// request-header timeout, 30 seconds: a XIMSS client speaks as soon as it connects.
    /// </summary>
    public TimeSpan FirstByteTimeout { get; set => field = Positive(value); } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long a TCP channel may stay silent before it logs in. One minute covers a user typing a
    /// password into a client that connects first; an unauthenticated connection should not linger.
    /// </summary>
    public TimeSpan PreLoginIdleTimeout { get; set => field = Positive(value); } = TimeSpan.FromMinutes(1);

    /// <summary>How long a session may go without a request before it ends: CommuniGate's 10 minutes (docs/ximss.md §1).</summary>
    public TimeSpan IdleTimeout { get; set => field = Positive(value); } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// The shortest <c>idleTimeout</c> a client may set with <c>setSessionOption</c>: 30 seconds, below the
    /// 60 seconds of the most eager client seen (sipnet); shorter values are raised to it.
    /// </summary>
    public TimeSpan MinIdleTimeout { get; set => field = Positive(value); } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The longest <c>idleTimeout</c> a client may set: one day. The Java client asks for an hour; an
    /// abandoned session should not outlive a day. Longer values are lowered to it.
    /// </summary>
    public TimeSpan MaxIdleTimeout { get; set => field = Positive(value); } = TimeSpan.FromDays(1);

    /// <summary>How long a long poll waits when the client names no <c>maxWait</c>: the Flash library's 60 seconds.</summary>
    public TimeSpan DefaultPollWait { get; set => field = Positive(value); } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// The longest <c>maxWait</c> honoured: 5 minutes, half the default idle timeout, so a parked poll
    /// never outlives its session; clients ask for 15 to 90 seconds (docs/ximss.md §2).
    /// </summary>
    public TimeSpan MaxPollWait { get; set => field = Positive(value); } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Asynchronous messages an HTTP session may hold for the client (bytes not yet fetched by a poll):
    /// 1 MiB is thousands of notifications. A client that lets more pile up has stopped polling, and its
    /// session ends.
    /// </summary>
    public int MaxPendingAsyncBytes { get; set => field = AtLeast(value, 1024); } = 1 << 20;

    /// <summary>
    /// Output a TCP client may leave unread: the largest frame (4 MiB, docs/ximss.md §1). A client that
    /// leaves more unread has stopped reading, and its connection is closed.
    /// </summary>
    public int MaxUnsentBytes { get; set => field = AtLeast(value, 64 * 1024); } = 4 << 20;

    /// <summary>How long a <c>starttls</c> handshake may take: Kestrel's HTTPS handshake timeout, 10 seconds.</summary>
    public TimeSpan TlsHandshakeTimeout { get; set => field = Positive(value); } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// <c>listFeatures</c> nonces (for the HTTP CRAM-MD5 login) held at once. Each is used once and lives
    /// <see cref="NonceLifetime"/>; 10,000 is a login storm's worth, and the oldest go first.
    /// </summary>
    public int MaxNonces { get; set => field = AtLeast(value, 1); } = 10_000;

    /// <summary>How long a nonce may wait for its login: 5 minutes, time enough to type a password.</summary>
    public TimeSpan NonceLifetime { get; set => field = Positive(value); } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Folders one session may have open at once. Samoware keeps a handful (the INBOX, the folder shown, a
    /// search); each costs up to a megabyte for 100,000 messages (docs/mail.md), so 32 bounds a session
    /// to tens of megabytes.
    /// </summary>
    public int MaxFoldersPerSession { get; set => field = AtLeast(value, 1); } = 32;

    /// <summary>
    /// The largest file one <c>/UPLOAD/</c> post may carry: the largest message that can be sent
    /// (50 MiB, <c>SubmissionLimits.MaxMessageSize</c>), since an upload becomes part of one.
    /// </summary>
    public long MaxUploadSize { get; set => field = AtLeast(value, 1024); } = 50L << 20;

    /// <summary>
    /// Upload bytes one session may hold: two messages' worth (100 MiB), room for a message being sent
    /// while the next is prepared. Uploads live as long as their session.
    /// </summary>
    public long MaxSessionUploadBytes { get; set => field = AtLeast(value, 1024); } = 100L << 20;

    /// <summary>Uploads one session may hold: 256, far more attachments than one message carries.</summary>
    public int MaxUploadsPerSession { get; set => field = AtLeast(value, 1); } = 256;

    /// <summary>
    /// Upload bytes the whole server may hold (they are kept in memory): 1 GiB, twenty full-size
    /// uploads in progress at once, a small share of a server sized for 10,000 sessions.
    /// </summary>
    public long MaxUploadBytes { get; set => field = AtLeast(value, 1024); } = 1L << 30;

    private static long AtLeast(long value, long minimum)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(value, minimum);
        return value;
    }

    private static int AtLeast(int value, int minimum)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(value, minimum);
        return value;
    }

    private static TimeSpan Positive(TimeSpan value)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(value, TimeSpan.Zero);
        return value;
    }
}
