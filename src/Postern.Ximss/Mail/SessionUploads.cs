namespace Postern.Ximss.Mail;

/// <summary>A file a client posted to <c>/Session/&lt;id&gt;/UPLOAD/&lt;uploadID&gt;</c>, for <c>messageSubmit</c> and <c>messageAppend</c> to use.</summary>
/// <param name="MediaType">The type the client gave it (<c>application</c> when none).</param>
/// <param name="MediaSubtype">The subtype the client gave it (<c>octet-stream</c> when none).</param>
/// <param name="FileName">The file name the client gave it, without any path.</param>
/// <param name="Charset">The <c>charset</c> parameter the client gave its type, if any: a text file keeps it when attached.</param>
internal sealed record Upload(ReadOnlyMemory<byte> Content, string MediaType, string MediaSubtype, string? FileName, string? Charset = null);

/// <summary>Why an upload was refused.</summary>
internal enum UploadRefusal
{
    None,

    /// <summary>The session holds as many uploads, or as many bytes of them, as it may.</summary>
    SessionFull,

    /// <summary>The server holds as many upload bytes as it may.</summary>
    ServerFull,
}

/// <summary>
/// One session's uploads, by the ID the client chose. They live as long as the session (or until replaced
/// or deleted) and count against the session's and the server's upload limits (<see cref="XimssServerLimits"/>).
/// </summary>
internal sealed class SessionUploads : IDisposable
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Upload> _uploads = new(StringComparer.Ordinal);
    private UploadBudget? _budget;
    private long _bytes;
    private bool _disposed;

    /// <summary>Keeps an upload (replacing one of the same ID); the bytes were reserved in <paramref name="budget"/> by the caller.</summary>
    /// <returns><see cref="UploadRefusal.None"/>, or why it was refused (the reservation is then released).</returns>
    public UploadRefusal Add(string id, Upload upload, UploadBudget budget, XimssServerLimits limits)
    {
        lock (_gate)
        {
            _budget ??= budget;
            var replaced = _uploads.GetValueOrDefault(id);
            var bytes = _bytes - (replaced?.Content.Length ?? 0) + upload.Content.Length;
            var count = _uploads.Count + (replaced is null ? 1 : 0);
            if (_disposed || bytes > limits.MaxSessionUploadBytes || count > limits.MaxUploadsPerSession)
            {
                budget.Release(upload.Content.Length);
                return UploadRefusal.SessionFull;
            }
            _uploads[id] = upload;
            _bytes = bytes;
            if (replaced is not null)
                budget.Release(replaced.Content.Length);
            return UploadRefusal.None;
        }
    }

    public Upload? Find(string id)
    {
        lock (_gate)
            return _uploads.GetValueOrDefault(id);
    }

    public bool Remove(string id)
    {
        lock (_gate)
        {
            if (!_uploads.Remove(id, out var upload))
                return false;
            _bytes -= upload.Content.Length;
            _budget?.Release(upload.Content.Length);
            return true;
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            _budget?.Release(_bytes);
            _uploads.Clear();
            _bytes = 0;
        }
    }
}

/// <summary>The upload bytes the whole server holds, within <see cref="XimssServerLimits.MaxUploadBytes"/>.</summary>
internal sealed class UploadBudget(XimssOptions options)
{
    private long _held;

    public long Held => Interlocked.Read(ref _held);

    /// <summary>Reserves <paramref name="bytes"/>; false (nothing reserved) when the server would hold more than it may.</summary>
    public bool TryReserve(long bytes)
    {
        if (Interlocked.Add(ref _held, bytes) <= options.Limits.MaxUploadBytes)
            return true;
        Interlocked.Add(ref _held, -bytes);
        return false;
    }

    public void Release(long bytes) => Interlocked.Add(ref _held, -bytes);
}
