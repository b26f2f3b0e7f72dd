from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'slides.xml.j2'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_title = resolve('title')
    l_0_tool = resolve('tool')
    l_0_summary = resolve('summary')
    l_0_keywords = resolve('keywords')
    l_0_meta = resolve('meta')
    l_0_s = missing
    try:
        t_1 = environment.filters['join']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'join' found.")
    try:
        t_2 = environment.filters['running_head']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No filter named 'running_head' found.")
    try:
        t_3 = environment.filters['truncate_words']
    except KeyError:
        @internalcode
        def t_3(*unused):
            raise TemplateRuntimeError("No filter named 'truncate_words' found.")
    pass
    l_0_s = context.vars['s'] = environment.get_template('_slides.xml.j2', 'slides.xml.j2')._get_default_module(context)
    context.exported_vars.discard('s')
    yield '<document kind="slides" title="'
    yield escape((undefined(name='title') if l_0_title is missing else l_0_title))
    yield '" author="'
    yield escape(environment.getattr((undefined(name='tool') if l_0_tool is missing else l_0_tool), 'name'))
    yield '" subject="'
    yield escape(t_3((undefined(name='summary') if l_0_summary is missing else l_0_summary), 30))
    yield '" keywords="'
    yield escape(t_1(context.eval_ctx, (undefined(name='keywords') if l_0_keywords is missing else l_0_keywords), '; '))
    yield '" header="'
    yield escape(t_2((undefined(name='title') if l_0_title is missing else l_0_title)))
    yield '" lang="'
    yield escape((environment.getattr((undefined(name='meta') if l_0_meta is missing else l_0_meta), 'language') or 'en'))
    yield '">\n'
    yield from context.blocks['title_slide'][0](context)
    yield from context.blocks['key_points'][0](context)
    yield from context.blocks['background'][0](context)
    yield from context.blocks['timeline'][0](context)
    yield from context.blocks['actors'][0](context)
    yield from context.blocks['quotations'][0](context)
    yield from context.blocks['questions'][0](context)
    yield from context.blocks['source_slide'][0](context)
    yield '</document>\n'

def block_title_slide(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    l_0_s = resolve('s')
    l_0_article = resolve('article')
    pass
    yield escape(environment.call(context, environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'title_slide'), (undefined(name='article') if l_0_article is missing else l_0_article), _block_vars=_block_vars))

def block_key_points(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    l_0_s = resolve('s')
    l_0_article = resolve('article')
    pass
    yield escape(environment.call(context, environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'key_points'), (undefined(name='article') if l_0_article is missing else l_0_article), _block_vars=_block_vars))

def block_background(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    l_0_s = resolve('s')
    l_0_article = resolve('article')
    pass
    yield escape(environment.call(context, environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'background'), (undefined(name='article') if l_0_article is missing else l_0_article), _block_vars=_block_vars))

def block_timeline(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    l_0_s = resolve('s')
    l_0_article = resolve('article')
    pass
    yield escape(environment.call(context, environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'timeline'), (undefined(name='article') if l_0_article is missing else l_0_article), _block_vars=_block_vars))

def block_actors(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    l_0_s = resolve('s')
    l_0_article = resolve('article')
    pass
    yield escape(environment.call(context, environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'actors'), (undefined(name='article') if l_0_article is missing else l_0_article), _block_vars=_block_vars))

def block_quotations(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    l_0_s = resolve('s')
    l_0_article = resolve('article')
    pass
    yield escape(environment.call(context, environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'quotations'), (undefined(name='article') if l_0_article is missing else l_0_article), _block_vars=_block_vars))

def block_questions(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    l_0_s = resolve('s')
    l_0_article = resolve('article')
    pass
    yield escape(environment.call(context, environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'questions'), (undefined(name='article') if l_0_article is missing else l_0_article), _block_vars=_block_vars))

def block_source_slide(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    l_0_s = resolve('s')
    l_0_article = resolve('article')
    l_0_generated = resolve('generated')
    l_0_tool = resolve('tool')
    pass
    yield escape(environment.call(context, environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'source'), (undefined(name='article') if l_0_article is missing else l_0_article), (undefined(name='generated') if l_0_generated is missing else l_0_generated), (undefined(name='tool') if l_0_tool is missing else l_0_tool), _block_vars=_block_vars))

blocks = {'title_slide': block_title_slide, 'key_points': block_key_points, 'background': block_background, 'timeline': block_timeline, 'actors': block_actors, 'quotations': block_quotations, 'questions': block_questions, 'source_slide': block_source_slide}
debug_info = '2=35&3=38&4=50&5=51&6=52&7=53&8=54&9=55&10=56&11=57&4=60&5=72&6=84&7=96&8=108&9=120&10=132&11=144'
# Generated by `python -m exporter.template_code` from the built-in template: do not edit.
