using Postern.Data;

namespace Postern.Skins;

/// <summary>
/// The Text Dataset a skin's pages read with STRING(), ARRAY() and DICTIONARY() (WebApp, "Languages and
/// Skin Text Dataset"): the selected language's <c>&lt;language&gt;.data</c> in every skin of the lookup
/// order, then the default-language <c>strings.data</c> in every skin of the lookup order.
/// </summary>
internal sealed class SkinTextDataset(IReadOnlyList<DataDictionary> datasets) : IDataLookup
{
    public DataValue? Find(string key)
    {
        foreach (var dataset in datasets)
        {
            if (dataset.Find(key) is { } value)
                return value;
        }
        return null;
    }
}
