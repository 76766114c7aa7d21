using System.Diagnostics.CodeAnalysis;

namespace Postern.WebUser.Http;

/// <summary>
/// The parameters of a WebUser request: URL parameters and form fields in the order they came, and the
/// files of a multipart form.
/// </summary>
/// <remarks>
/// Names are matched exactly: CommuniGate's components tell <c>Delete</c> (move to Trash) from
/// <c>delete</c> (set the Deleted flag) by letter case.
/// </remarks>
public sealed class RequestParameters
{
    private readonly List<KeyValuePair<string, string>> _values;
    private readonly List<UploadedFile> _files;

    public RequestParameters(IEnumerable<KeyValuePair<string, string>> values, IEnumerable<UploadedFile>? files = null)
    {
        _values = [.. values];
        _files = files is null ? [] : [.. files];
    }

    /// <summary>No parameters.</summary>
    public static RequestParameters Empty { get; } = new([]);

    /// <summary>Every parameter in request order.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> All => _values;

    /// <summary>Every uploaded file in request order.</summary>
    public IReadOnlyList<UploadedFile> Files => _files;

    /// <summary>The first value of <paramref name="name"/>, or <see langword="null"/>.</summary>
    public string? this[string name]
    {
        get
        {
            foreach (var pair in _values)
            {
                if (pair.Key == name)
                    return pair.Value;
            }
            return null;
        }
    }

    /// <summary>Whether the request has the parameter at all (an empty value counts).</summary>
    public bool Has(string name) => this[name] is not null;

    /// <summary>The first value of <paramref name="name"/> when it is not empty or blank.</summary>
    public bool TryGetNonEmpty(string name, [NotNullWhen(true)] out string? value)
    {
        value = this[name];
        if (string.IsNullOrWhiteSpace(value))
        {
            value = null;
            return false;
        }
        return true;
    }

    /// <summary>The first value of <paramref name="name"/> as a number, when it is one.</summary>
    public long? GetNumber(string name) =>
        long.TryParse(this[name]?.Trim(), System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var number)
            ? number
            : null;

    /// <summary>Every value of <paramref name="name"/>, in request order.</summary>
    public IEnumerable<string> GetAll(string name)
    {
        foreach (var pair in _values)
        {
            if (pair.Key == name)
                yield return pair.Value;
        }
    }

    /// <summary>Every value of <paramref name="name"/> that is an unsigned 32-bit number (message UIDs), in order, without repeats.</summary>
    public IReadOnlyList<uint> GetUids(string name)
    {
        var uids = new List<uint>();
        foreach (var value in GetAll(name))
        {
            if (uint.TryParse(value.Trim(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var uid)
                && uid > 0 && !uids.Contains(uid))
                uids.Add(uid);
        }
        return uids;
    }

    /// <summary>These parameters without the named ones (used to drop refused actions).</summary>
    public RequestParameters Without(IReadOnlySet<string> names) =>
        new(_values.Where(p => !names.Contains(p.Key)), _files);

    /// <summary>Whether any of <paramref name="names"/> is present.</summary>
    public bool HasAny(IReadOnlySet<string> names)
    {
        foreach (var pair in _values)
        {
            if (names.Contains(pair.Key))
                return true;
        }
        return false;
    }
}
