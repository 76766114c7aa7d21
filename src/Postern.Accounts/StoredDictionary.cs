using Postern.Data;

namespace Postern.Accounts;

/// <summary>Settings and preferences are stored as CommuniGate dictionary text.</summary>
internal static class StoredDictionary
{
    /// <summary>
    /// Reads stored dictionary text. Stored data is tolerated, not trusted: text that does not parse
    /// (written by hand, by an older version) reads as an empty dictionary rather than failing a login.
    /// </summary>
    public static DataDictionary Read(string text) =>
        DataParser.TryParse(text, out var value, out _) && value is DataDictionary dictionary ? dictionary : new DataDictionary();

    /// <exception cref="AccountsException">The text would exceed <see cref="AccountLimits.MaxDictionaryTextLength"/>.</exception>
    public static string Write(DataDictionary dictionary)
    {
        var text = DataWriter.Write(dictionary);
        if (text.Length > AccountLimits.MaxDictionaryTextLength)
            throw new AccountsException($"the dictionary is {text.Length} characters long; the limit is {AccountLimits.MaxDictionaryTextLength}");
        return text;
    }

    /// <summary>A copy of <paramref name="baseValues"/> with <paramref name="overrides"/> laid over it key by key.</summary>
    public static DataDictionary Overlay(DataDictionary baseValues, DataDictionary overrides)
    {
        var result = new DataDictionary();
        foreach (var (key, value) in baseValues)
            result[key] = value;
        foreach (var (key, value) in overrides)
            result[key] = value;
        return result;
    }

    /// <summary>Applies changes: a null-value (<c>#NULL#</c>) removes the key, anything else sets it.</summary>
    public static DataDictionary Apply(DataDictionary current, DataDictionary changes)
    {
        var result = Overlay(current, new DataDictionary());
        foreach (var (key, value) in changes)
        {
            if (value.IsNull)
                result.Remove(key);
            else
                result[key] = value;
        }
        return result;
    }
}
