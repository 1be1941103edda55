namespace LogMetrics.Language.Binding;

/// <summary>
/// A builtin as a program calls it: its name, the types of its parameters and of its result. A parameter of type
/// <see cref="BoundType.None"/> takes any type (the conversions int, float, string, bool); a result of type
/// <see cref="BoundType.None"/> is no value (settime, strptime set the line's time).
/// </summary>
public sealed record BuiltinSignature(Builtin Builtin, string Name, IReadOnlyList<BoundType> Parameters, BoundType Result);
