/// A MySQL setting that is missing or malformed, with the variable to fix.
public struct MySQLConfigurationError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The environment variable (`MYSQL_HOST`) or URL part (`URL host`) at fault.
    public let variable: String
    /// One sentence: what is wrong and what to set.
    public let problem: String

    public init(variable: String, problem: String) {
        self.variable = variable
        self.problem = problem
    }

    public var description: String { problem }

    static func missing(_ variable: String, example: String) -> Self {
        Self(variable: variable, problem: "\(variable) is not set; DATABASE_TYPE=mysql needs it (for example \(variable)=\(example)).")
    }
}
