using Postern.Data;
using Postern.Templates.Expressions;
using Postern.Templates.Rendering;
using static Postern.Templates.Rendering.ValueSemantics;

namespace Postern.Templates.Functions;

/// <summary>Tests and transformations of values: EXISTS, IS…, EQUALS, CONTAINS, NOT, CHECKED, TRANSLATE….</summary>
internal static class ValueFunctions
{
    public static IEnumerable<FunctionDefinition> All =>
    [
        // WSSP: EXISTS returns "YES" or "NO" (not the null-value), DOESNOTEXIST the opposite.
        One("EXISTS", v => v is null ? DataString.No : DataString.Yes),
        One("DOESNOTEXIST", v => v is null ? DataString.Yes : DataString.No),
        One("ISARRAY", v => Bool(v is DataArray)),
        One("ISDICTIONARY", v => Bool(v is DataDictionary)),
        One("ISSTRING", v => Bool(v is DataString)),
        One("ISNUMBER", v => Bool(v is DataNumber)),
        One("ISDATE", v => Bool(v is DataTimestamp)),
        One("ISDATA", v => Bool(v is DataBlock)),
        // A hierarchical mailbox name has a parent: "Projects/2024" (CommuniGate's separator is '/').
        One("HASPARENTMAILBOX", v => Bool(v is DataString s && s.Value.Trim('/').Contains('/'))),
        One("NOT", v => Bool(!IsTrue(v))),
        One("CHECKED", v => IsTrue(v) ? s_checked : null),
        One("REQUIRED", v => IsTrue(v) ? s_required : null),
        One("YESNO", v => IsTrue(v) ? DataString.Yes : DataString.No),
        One("RANDOMELEMENT", null, RandomElement),
        Pair("EQUALS", "AND", (a, b) => Bool(AreEqual(a, b))),
        Pair("EQUALSNOCASE", "AND", (a, b) => Bool(AreEqual(a, b, ignoreCase: true))),
        Pair("CONTAINS", "IN", (item, collection) => Bool(Contains(collection, item))),
        Pair("TRANSLATE", "USING", Translate),
    ];

    private static readonly DataString s_checked = new("checked");
    private static readonly DataString s_required = new("required");

    private static FunctionDefinition One(string name, Func<DataValue?, DataValue?>? pure, Func<DataValue?, RenderState, DataValue?>? withState = null) =>
        new(name, ArgumentShape.Expression, (call, state) =>
        {
            var value = call.Arguments[0].Evaluate(state);
            return pure is not null ? pure(value) : withState!(value, state);
        });

    private static FunctionDefinition Pair(string name, string separator, Func<DataValue?, DataValue?, DataValue?> evaluate) =>
        new(name, ArgumentShape.Pair, (call, state) => evaluate(call.Arguments[0].Evaluate(state), call.Arguments[1].Evaluate(state)), separator);

    /// <summary>
    /// CONTAINS(x IN y): an array holding an element equal to x; a dictionary with the key x; or a string
    /// containing x as a substring (real skins test ACL letters: CONTAINS("l" IN rights)).
    /// </summary>
    private static bool Contains(DataValue? collection, DataValue? item)
    {
        switch (collection)
        {
            case DataArray array:
                foreach (var element in array)
                {
                    if (AreEqual(element, item))
                        return true;
                }
                return false;
            case DataDictionary dictionary:
                return item is not null && dictionary.ContainsKey(TextOf(item));
            case DataString text:
                return item is not null && text.Value.Contains(TextOf(item), StringComparison.Ordinal);
            default:
                return false;
        }
    }

    /// <summary>TRANSLATE(s USING dict): the dictionary's string for key s; s itself when there is none.</summary>
    private static DataValue? Translate(DataValue? key, DataValue? dictionary)
    {
        if (key is null)
            return null;
        return dictionary is DataDictionary d && d.Find(TextOf(key)) is DataString translated ? translated : key;
    }

    private static DataValue? RandomElement(DataValue? value, RenderState state) =>
        value is DataArray { Count: > 0 } array ? Normalize(array[state.Context.Random.Next(array.Count)]) : null;
}
