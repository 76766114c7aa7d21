namespace Postern.Data;

/// <summary>Something that answers "what is the value of this key?" — a dictionary, effective settings, a
/// skin's Text Dataset with its fall-backs.</summary>
public interface IDataLookup
{
    /// <summary>The value of <paramref name="key"/>, or <see langword="null"/> when there is none.</summary>
    DataValue? Find(string key);
}
