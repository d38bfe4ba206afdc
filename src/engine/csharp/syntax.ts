// The syntax tree of Add-Type's C# subset (see parser.ts for what it reads).

export interface TypeRef {
  /** As written: `int`, `System.Text.Encoding`, `List`. */
  name: string;
  /** Generic arguments: `List<string>`. */
  args: TypeRef[];
  /** Array ranks, outermost first: `int[]` is [1], `int[,]` is [2]. */
  ranks: number[];
  nullable?: boolean;
  line: number;
  /** Which of the compiled sources (index) declares it. */
  source?: number;
}

export type Expr =
  | { k: 'lit'; type: string; value: string; line: number }
  | { k: 'name'; name: string; line: number }
  | { k: 'member'; target: Expr; name: string; line: number }
  | { k: 'call'; target: Expr; args: Expr[]; line: number }
  | { k: 'index'; target: Expr; args: Expr[]; line: number }
  | { k: 'new'; type: TypeRef; args: Expr[]; init?: { name: string; value: Expr }[]; line: number }
  | { k: 'newarray'; type: TypeRef; size?: Expr; items?: Expr[]; line: number }
  | { k: 'unary'; op: string; operand: Expr; line: number }
  | { k: 'postfix'; op: string; operand: Expr; line: number }
  | { k: 'binary'; op: string; left: Expr; right: Expr; line: number }
  | { k: 'assign'; op: string; target: Expr; value: Expr; line: number }
  | { k: 'cond'; test: Expr; then: Expr; else: Expr; line: number }
  | { k: 'cast'; type: TypeRef; operand: Expr; line: number }
  | { k: 'is' | 'as'; operand: Expr; type: TypeRef; line: number }
  | { k: 'typeof' | 'default'; type: TypeRef; line: number }
  | { k: 'this' | 'base'; line: number };

export type Stmt =
  | { k: 'block'; body: Stmt[]; line: number }
  | { k: 'local'; type: TypeRef | undefined; decls: { name: string; init?: Expr }[]; line: number }
  | { k: 'expr'; expr: Expr; line: number }
  | { k: 'if'; test: Expr; then: Stmt; else?: Stmt; line: number }
  | { k: 'while'; test: Expr; body: Stmt; line: number }
  | { k: 'do'; test: Expr; body: Stmt; line: number }
  | { k: 'for'; init: Stmt[]; test?: Expr; iter: Expr[]; body: Stmt; line: number }
  | { k: 'foreach'; type: TypeRef | undefined; name: string; source: Expr; body: Stmt; line: number }
  | { k: 'return' | 'throw'; value?: Expr; line: number }
  | { k: 'break' | 'continue' | 'empty'; line: number }
  | { k: 'try'; body: Stmt[]; catches: { type?: TypeRef; name?: string; body: Stmt[] }[]; fin?: Stmt[]; line: number }
  | { k: 'switch'; value: Expr; sections: { labels: (Expr | 'default')[]; body: Stmt[] }[]; line: number };

export interface Param {
  type: TypeRef;
  name: string;
  modifier?: string;
  default?: Expr;
}

export interface Accessor {
  /** Undefined for an auto-property's `get;`. */
  body?: Stmt[];
  modifiers: string[];
}

export type Member =
  | { k: 'field'; modifiers: string[]; type: TypeRef; decls: { name: string; init?: Expr; line: number }[]; isConst: boolean; line: number }
  | { k: 'property'; modifiers: string[]; type: TypeRef; name: string; iface?: string; get?: Accessor; set?: Accessor; line: number }
  | { k: 'method'; modifiers: string[]; ret: TypeRef; name: string; iface?: string; params: Param[]; body?: Stmt[]; line: number }
  | { k: 'ctor'; modifiers: string[]; params: Param[]; init?: { kind: 'base' | 'this'; args: Expr[] }; body: Stmt[]; line: number };

export interface TypeDecl {
  kind: 'class' | 'struct' | 'interface' | 'enum';
  name: string;
  /** For a nested type, the types it is declared in (`Outer`, `Outer+Middle`): its .NET name is `Outer+Name`. */
  container?: string;
  namespace: string;
  /** The `using` namespaces in force where the type is declared. */
  usings: string[];
  /** `using X = A.B;` aliases in force. */
  aliases: Map<string, string>;
  modifiers: string[];
  attributes: string[];
  bases: TypeRef[];
  members: Member[];
  enumMembers: { name: string; value?: Expr }[];
  line: number;
  /** Which of the compiled sources (index) declares it. */
  source?: number;
}
